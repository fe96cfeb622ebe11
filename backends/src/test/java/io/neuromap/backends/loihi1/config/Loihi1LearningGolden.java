package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Lava learning golden file ({@code lava_learning_*}: {@code rule}, {@code lif},
 * {@code initial_weights}, {@code spikes_in}, {@code events}) into a config with a learning
 * section, the random numbers the run drew and the states it logged, so the emulator can replay
 * it (specs/loihi1.md §3.3, docs/config-loihi1.md "Golden traces as configs"):
 *
 * <ul>
 *   <li>one core, arithmetic {@code lava}; one input axon per presynaptic neuron, its synapses to
 *       every LIF in order, weights {@code initial_weights[post][pre]} in one learning format
 *       (the Dense's sign mode, 8 bits, weight exponent 0); {@code spikes_in[k]} as stimuli of
 *       step k (Lava's time T = k + 1 is the emulator's step k: the Dense sees a spike in the
 *       step it is sent, the LIF one step later);
 *   <li>the rule string parsed into products (a product's first x0, y0 or uk is its dependency,
 *       literals {@code a*2^b} form its scale), x1 and y1 from the rule's impulses and taus;
 *   <li>the random numbers keyed by Lava's time: the post-spike impulse draw of every step, and
 *       per epoch the x and y trace-decay and impulse draws and the rounding draw.
 * </ul>
 */
public final class Loihi1LearningGolden {

    /** One logged state: after the spiking phase ({@code spk}) or the learning phase ({@code lrn}) of Lava time t. */
    public record State(String phase, int t, int[][] weights, int[] x1, int[] y1, int[] tx, int[] ty) {
    }

    /** A converted file: config, draws by Lava time, and the states. */
    public record Case(String label, Loihi1Config config, int steps, Map<Integer, Integer> postImpulse,
            Map<Integer, double[]> epochDraws, List<State> states) {
        public Case {
            requireNonNull(label, "label is null");
            requireNonNull(config, "config is null");
        }
    }

    private Loihi1LearningGolden() {
    }

    /** Whether {@code root} is a learning golden file. */
    public static boolean isLearning(JsonNode root) {
        return root.has("rule") && root.has("events") && root.has("initial_weights");
    }

    public static Case convert(String label, JsonNode root) {
        JsonNode rule = root.get("rule");
        JsonNode lif = root.get("lif");
        JsonNode w0 = root.get("initial_weights");
        int post = w0.size();
        int pre = w0.get(0).size();
        JsonNode spikesIn = root.get("spikes_in");
        int steps = spikesIn.size();
        Loihi1SynapseFormat format = new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, 0, 0, 1,
                Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, Loihi1SignMode.MIXED.code(), 0);
        Loihi1CoreConfig core = new Loihi1CoreConfig(0, Loihi1CoreSingletons.lava(),
                List.of(Loihi1CompartmentProfile.lif(lif.get("du").asInt(), lif.get("dv").asInt(),
                        Loihi1Limits.REFRACTORY_DELAY_MIN)),
                List.of(new Loihi1ThresholdProfile(lif.get("vth").asInt())),
                new Loihi1Compartments(new int[post], new int[post], Loihi1GoldenConfigs.ints(lif.get("bias_mant"), post),
                        Loihi1GoldenConfigs.ints(lif.get("bias_exp"), post)), Loihi1TreeEdges.none(),
                List.of(new Loihi1SynapseFormatEntry(1, format)),
                Loihi1GoldenConfigs.denseSynapses(pre, post, (i, j) -> w0.get(j).get(i).asInt()), Loihi1OutputAxons.none());
        List<int[]> stim = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < pre; i++) {
                if (spikesIn.get(k).get(i).asInt() != 0) {
                    stim.add(new int[] {k, i});
                }
            }
        }
        int[] sStep = new int[stim.size()];
        int[] sAxon = new int[stim.size()];
        for (int r = 0; r < stim.size(); r++) {
            sStep[r] = stim.get(r)[0];
            sAxon[r] = stim.get(r)[1];
        }
        int[] origin0 = new int[post];
        int[] cx = new int[post];
        for (int j = 0; j < post; j++) {
            cx[j] = j;
        }
        Loihi1Origin origin = new Loihi1Origin(List.of(new Loihi1Population("lif", post)), List.of("soma"), origin0,
                origin0.clone(), cx, origin0.clone(), cx.clone(), origin0.clone());
        Loihi1Learning.Rule r = new Loihi1Learning.Rule(label, products(rule.get("dw").asText()),
                rule.has("dt") ? products(rule.get("dt").asText()) : List.of(),
                new Loihi1Learning.Trace(rule.get("x1_impulse").asDouble(), rule.get("x1_tau").asInt()),
                new Loihi1Learning.Trace(rule.get("y1_impulse").asDouble(), rule.get("y1_tau").asInt()), null);
        int tEpoch = rule.get("t_epoch").asInt();
        Loihi1Learning learning = new Loihi1Learning(rule.get("rng_seed").asLong(), List.of(r),
                List.of(new Loihi1Learning.Core(0, 0, tEpoch, List.of(new Loihi1Learning.FormatRule(1, 0, -1)),
                        new int[0], new int[0], new int[0])),
                List.of(new Loihi1Learning.WeightProbe("weights", 1, List.of(new Loihi1Learning.SynapseSet(0, 0, 1)))));
        Loihi1Config config = new Loihi1Config(Loihi1System.SINGLE_CHIP, Loihi1Arithmetic.LAVA, 0.001, steps, 0,
                List.of(new Loihi1ChipConfig(0, List.of(core))), new Loihi1SpikeStimuli(sStep, new int[sStep.length],
                        new int[sStep.length], sAxon), Loihi1CurrentStimuli.none(), List.of(), origin, learning);

        Map<Integer, Integer> postImpulse = new HashMap<>();
        Map<Integer, double[]> epoch = new HashMap<>();
        List<State> states = new ArrayList<>();
        for (JsonNode e : root.get("events")) {
            int t = e.get("t").asInt();
            if (e.has("phase")) {
                JsonNode s = e.get("state");
                states.add(new State(e.get("phase").asText(), t, matrix(s.get("weights")), ints(s.get("x1")),
                        ints(s.get("y1")), ints(s.get("tx")), ints(s.get("ty"))));
                continue;
            }
            String kind = e.get("rand").asText();
            if (kind.startsWith("y_impulse_addition")) {
                postImpulse.put(t, e.get("value").asInt());
            } else if (kind.equals("trace_histories")) {
                double[] d = epoch.computeIfAbsent(t, k -> new double[5]);
                d[0] = e.get("x_trace_decay").asDouble();
                d[1] = e.get("x_impulse_addition").asDouble();
                d[2] = e.get("y_trace_decay").asDouble();
                d[3] = e.get("y_impulse_addition").asDouble();
            } else if (kind.startsWith("stochastic_round")) {
                epoch.computeIfAbsent(t, k -> new double[5])[4] = e.get("value").asDouble();
            } else {
                throw new IllegalArgumentException(label + ": unknown random draw '" + kind + "'");
            }
        }
        return new Case(label, config, steps, postImpulse, epoch, states);
    }

    /** {@code "2^-2 * x1 * y0 - 2^-3 * y1 * x0"} as products. */
    static List<Loihi1Learning.Product> products(String text) {
        List<Loihi1Learning.Product> out = new ArrayList<>();
        String s = text.replace(" ", "");
        int i = 0;
        while (i < s.length()) {
            int sign = 1;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                sign = s.charAt(i) == '-' ? -1 : 1;
                i++;
            }
            int end = i;
            while (end < s.length() && s.charAt(end) != '+' && !(s.charAt(end) == '-' && s.charAt(end - 1) != '^')) {
                end++;
            }
            out.add(product(s.substring(i, end), sign, text));
            i = end;
        }
        return out;
    }

    private static Loihi1Learning.Product product(String term, int sign, String text) {
        int mantissa = sign;
        int exponent = 0;
        Loihi1Learning.Variable dependency = null;
        int decimation = 0;
        List<Loihi1Learning.Factor> factors = new ArrayList<>();
        for (String f : term.split("\\*")) {
            if (f.startsWith("2^")) {
                exponent += Integer.parseInt(f.substring(2));
            } else if (f.matches("-?\\d+")) {
                mantissa *= Integer.parseInt(f);
            } else if (dependency == null && (f.equals("x0") || f.equals("y0") || f.matches("u\\d"))) {
                dependency = f.startsWith("u") ? Loihi1Learning.Variable.U
                        : Loihi1Learning.Variable.fromJson(f).orElseThrow();
                decimation = f.startsWith("u") ? Integer.parseInt(f.substring(1)) : 0;
            } else {
                factors.add(new Loihi1Learning.Factor(Loihi1Learning.Variable.fromJson(f).orElseThrow(
                        () -> new IllegalArgumentException("unknown factor '" + f + "' in " + text)), 0));
            }
        }
        if (dependency == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no dependency in '%s' of %s", term, text));
        }
        return new Loihi1Learning.Product(dependency, decimation, mantissa, exponent, factors);
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static int[][] matrix(JsonNode node) {
        int[][] out = new int[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints(node.get(i));
        }
        return out;
    }
}
