package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuromap.backends.loihi1.Loihi1LavaWeights;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntBinaryOperator;

/**
 * Turns a Loihi 1 golden file into a config and the traces the emulator must reproduce, as
 * docs/config-loihi1.md ("Golden traces as configs") describes, generalised to every file of the
 * same kinds (the acceptance corpus holds more cases than the bundled ones):
 *
 * <ul>
 *   <li>Lava {@code PyLifModelBitAcc} groups ({@code groups[g].params}, {@code a_in}, {@code u},
 *       {@code v}, {@code s}): arithmetic {@code lava}, one core per group, {@code a_in} as
 *       {@code lava_raw} current stimuli;
 *   <li>Lava {@code Dense} to LIF ({@code dense}, {@code lif}, {@code spikes_in}, {@code a_out}):
 *       one input axon per presynaptic neuron holding the raw weights in one synapse format with
 *       the Dense's sign mode, weight bits and weight exponent (a bit count the chip has no code
 *       for is applied here and stored in 8 bits, which the chip then keeps exactly), and spike
 *       stimuli;
 *   <li>nengo-loihi blocks ({@code blocks}, {@code inputs}, {@code connections}, {@code traces}):
 *       arithmetic {@code nengo-loihi}; each block on consecutive cores, split where a core's
 *       32 compartment profiles, 8 threshold profiles or 1024 compartments run out; a
 *       connection's axons on every core of its target block; full-scale weights as
 *       excitatory and inhibitory 8-bit mantissas at the connection's smallest exact weight
 *       exponent; SpikeInput spikes of time t as stimuli of step t - 1; block-to-block
 *       connections as output axons (axon i from compartment i).
 * </ul>
 *
 * Every config probes {@code synaptic_input}, {@code current}, {@code voltage} and
 * {@code spikes} of every compartment in core order, each probe named after its variable. A file
 * whose content cannot be expressed as a config (initial state, graded spikes, unrepresentable
 * numbers) is refused with an {@link IllegalArgumentException} that says why, never silently
 * approximated. The backends' config tests and the emulator's trace tests (through this module's
 * test-jar) share this one converter, so both check the same configs.
 */
public final class Loihi1GoldenConfigs {

    /** The kinds of golden file the emulator replays. */
    public enum Kind {
        LAVA_LIF,
        LAVA_DENSE,
        NENGO_LOIHI
    }

    /**
     * The golden values of one traced quantity for a run of columns: {@code values[k][i]} is the
     * value of column {@code columnOffset + i} of probe {@code probe} at step k.
     */
    public record Expectation(String group, String quantity, String probe, int columnOffset, int[][] values) {
        public Expectation {
            requireNonNull(group, "group is null");
            requireNonNull(quantity, "quantity is null");
            requireNonNull(probe, "probe is null");
            requireNonNull(values, "values is null");
        }
    }

    /** A converted golden file. */
    public record Case(String label, Kind kind, Loihi1Config config, int steps, List<Expectation> expectations) {
        public Case {
            requireNonNull(label, "label is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(config, "config is null");
            expectations = List.copyOf(expectations);
        }
    }

    private static final int SHIFT = Loihi1Limits.ACTIVATION_SHIFT;

    private Loihi1GoldenConfigs() {
    }

    /** The kind of golden file {@code root} is, from its layout; empty for kinds this emulator does not replay. */
    public static Optional<Kind> kindOf(JsonNode root) {
        JsonNode groups = root.get("groups");
        if (groups != null && groups.isArray() && groups.size() > 0 && groups.get(0).has("params")
                && groups.get(0).has("a_in")) {
            return Optional.of(Kind.LAVA_LIF);
        }
        if (root.has("dense") && root.has("lif") && root.has("spikes_in") && !root.has("rule")) {
            return Optional.of(Kind.LAVA_DENSE);
        }
        if (root.has("blocks") && root.has("connections") && root.has("traces")) {
            return Optional.of(Kind.NENGO_LOIHI);
        }
        return Optional.empty();
    }

    /** Converts a golden file of a known kind. */
    public static Case convert(String label, JsonNode root) {
        Kind kind = kindOf(root).orElseThrow(() -> new IllegalArgumentException(label + " is of no known kind"));
        switch (kind) {
            case LAVA_LIF:
                return lavaLif(label, root);
            case LAVA_DENSE:
                return lavaDense(label, root);
            case NENGO_LOIHI:
                return nengoLoihi(label, root);
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    /** The probe that records a golden quantity, or null if the quantity is none the chip has. */
    public static String probeFor(String quantity) {
        switch (quantity) {
            case "u":
            case "current":
                return Loihi1ProbeVariable.CURRENT.jsonName();
            case "v":
            case "voltage":
                return Loihi1ProbeVariable.VOLTAGE.jsonName();
            case "s":
            case "spiked":
            case "spikes":
                return Loihi1ProbeVariable.SPIKES.jsonName();
            case "a_in":
            case "a_out":
            case "q":
            case "input":
            case "synaptic_input":
                return Loihi1ProbeVariable.SYNAPTIC_INPUT.jsonName();
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Lava LIF groups

    private static Case lavaLif(String label, JsonNode root) {
        int steps = root.get("n_steps").asInt();
        JsonNode groups = root.get("groups");
        List<Loihi1CoreConfig> cores = new ArrayList<>();
        List<Loihi1Population> populations = new ArrayList<>();
        Rows current = new Rows(5);
        Rows origin = new Rows(6);
        List<Expectation> expectations = new ArrayList<>();
        int column = 0;
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            JsonNode p = group.get("params");
            int n = group.get("a_in").get(0).size();
            requireZero(label, p, "u0");
            requireZero(label, p, "v0");
            cores.add(new Loihi1CoreConfig(g, Loihi1CoreSingletons.lava(),
                    List.of(Loihi1CompartmentProfile.lif(p.get("du").asInt(), p.get("dv").asInt(),
                            Loihi1Limits.REFRACTORY_DELAY_MIN)),
                    List.of(new Loihi1ThresholdProfile(p.get("vth").asInt())),
                    new Loihi1Compartments(new int[n], new int[n], ints(p.get("bias_mant"), n),
                            ints(p.get("bias_exp"), n)),
                    Loihi1TreeEdges.none(), List.of(), Loihi1Synapses.empty(0), Loihi1OutputAxons.none()));
            populations.add(new Loihi1Population("group" + g, n));
            for (int i = 0; i < n; i++) {
                origin.add(0, g, i, g, i, 0);
            }
            expectations.addAll(expectationsOf(label, "group " + g, group, column, steps, n));
            column += n;
        }
        for (int k = 0; k < steps; k++) {
            for (int g = 0; g < groups.size(); g++) {
                JsonNode aIn = groups.get(g).get("a_in").get(k);
                for (int i = 0; i < aIn.size(); i++) {
                    if (aIn.get(i).asInt() != 0) {
                        current.add(k, 0, g, i, aIn.get(i).asInt());
                    }
                }
            }
        }
        int[][] c = current.columns();
        Loihi1Config config = config(Loihi1Arithmetic.LAVA, steps, cores, Loihi1SpikeStimuli.none(),
                new Loihi1CurrentStimuli(Loihi1CurrentScale.LAVA_RAW, c[0], c[1], c[2], c[3], c[4]), populations,
                origin);
        return new Case(label, Kind.LAVA_LIF, config, steps, expectations);
    }

    // ------------------------------------------------------------------------------------------
    // Lava Dense -> LIF

    private static Case lavaDense(String label, JsonNode root) {
        int steps = root.get("n_steps").asInt();
        JsonNode dense = root.get("dense");
        JsonNode lif = root.get("lif");
        JsonNode weights = dense.get("weights");
        int post = weights.size();
        int pre = weights.get(0).size();
        int[] flat = new int[post * pre];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                flat[j * pre + i] = weights.get(j).get(i).asInt();
            }
        }
        JsonNode modeNode = dense.get("sign_mode");
        Loihi1SignMode mode = modeNode == null || modeNode.isNull() || modeNode.asText().equals("NULL")
                ? Loihi1LavaWeights.determineSignMode(flat) : Loihi1SignMode.valueOf(modeNode.asText());
        int bits = dense.has("num_weight_bits") ? dense.get("num_weight_bits").asInt() : Loihi1Limits.WEIGHT_MANTISSA_BITS;
        int weightExp = dense.has("weight_exp") ? dense.get("weight_exp").asInt() : 0;
        int code = Loihi1SynapseFormatEntry.weightBitsCode(bits);
        boolean inRange = Arrays.stream(flat).allMatch(w -> w >= Loihi1Limits.WEIGHT_MANTISSA_MIN
                && w <= Loihi1Limits.WEIGHT_MANTISSA_MAX);
        if (code < 0 || !inRange) {
            // Lava's clip and truncation, applied here; 8 stored bits then keep the result exactly.
            for (int s = 0; s < flat.length; s++) {
                flat[s] = Loihi1LavaWeights.denseWeight(flat[s], mode, bits);
            }
            code = Loihi1Limits.WEIGHT_BITS_CODE_MAX;
        }
        Loihi1SynapseFormatEntry format = new Loihi1SynapseFormatEntry(1, new Loihi1SynapseFormat(code, 0, 0,
                indexCode(post - 1), Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX,
                mode.code(), weightExp));
        Loihi1CoreConfig core = new Loihi1CoreConfig(0, Loihi1CoreSingletons.lava(),
                List.of(Loihi1CompartmentProfile.lif(lif.get("du").asInt(), lif.get("dv").asInt(),
                        Loihi1Limits.REFRACTORY_DELAY_MIN)),
                List.of(new Loihi1ThresholdProfile(lif.get("vth").asInt())),
                new Loihi1Compartments(new int[post], new int[post], ints(lif.get("bias_mant"), post),
                        ints(lif.get("bias_exp"), post)),
                Loihi1TreeEdges.none(), List.of(format),
                denseSynapses(pre, post, (i, j) -> flat[j * pre + i]), Loihi1OutputAxons.none());
        Rows spikes = new Rows(4);
        JsonNode in = root.get("spikes_in");
        for (int k = 0; k < in.size(); k++) {
            for (int i = 0; i < pre; i++) {
                int s = in.get(k).get(i).asInt();
                if (s != 0 && s != 1) {
                    throw new IllegalArgumentException(label + ": graded spike " + s + " at step " + k
                            + ": configs carry binary spikes only");
                }
                if (s == 1) {
                    spikes.add(k, 0, 0, i);
                }
            }
        }
        Rows origin = new Rows(6);
        for (int j = 0; j < post; j++) {
            origin.add(0, 0, j, 0, j, 0);
        }
        int[][] s = spikes.columns();
        Loihi1Config config = config(Loihi1Arithmetic.LAVA, steps, List.of(core),
                new Loihi1SpikeStimuli(s[0], s[1], s[2], s[3]), Loihi1CurrentStimuli.none(),
                List.of(new Loihi1Population("lif", post)), origin);
        return new Case(label, Kind.LAVA_DENSE, config, steps, expectationsOf(label, "lif", root, 0, steps, post,
                "spikes_in"));
    }

    // ------------------------------------------------------------------------------------------
    // nengo-loihi blocks

    /** One core's share of a block while it is being laid out. */
    private static final class CoreDraft {
        final int block;
        final int first;
        int count;
        final List<Loihi1CompartmentProfile> profiles = new ArrayList<>();
        final List<Loihi1ThresholdProfile> thresholds = new ArrayList<>();
        final List<Integer> cxProfile = new ArrayList<>();
        final List<Integer> vthProfile = new ArrayList<>();
        final List<Integer> biasMant = new ArrayList<>();
        final List<Integer> biasExp = new ArrayList<>();
        final List<long[]> formats = new ArrayList<>();
        final List<int[]> synapses = new ArrayList<>();
        final List<int[]> outputs = new ArrayList<>();
        int axons;

        CoreDraft(int block, int first) {
            this.block = block;
            this.first = first;
        }

        int formatId(Loihi1SignMode mode, int exp) {
            for (int f = 0; f < formats.size(); f++) {
                if (formats.get(f)[0] == mode.code() && formats.get(f)[1] == exp) {
                    return f + 1;
                }
            }
            if (formats.size() == Loihi1Limits.SYNAPSE_FORMATS_PER_CORE) {
                throw new IllegalArgumentException("more than " + Loihi1Limits.SYNAPSE_FORMATS_PER_CORE
                        + " synapse formats into one core");
            }
            formats.add(new long[] {mode.code(), exp});
            return formats.size();
        }
    }

    private static Case nengoLoihi(String label, JsonNode root) {
        int steps = root.get("n_steps").asInt();
        JsonNode blocks = root.get("blocks");
        List<CoreDraft> drafts = new ArrayList<>();
        int[][] cxCore = new int[blocks.size()][];
        int[][] cxLocal = new int[blocks.size()][];
        int[] blockFirstCore = new int[blocks.size() + 1];
        List<Loihi1CoreSingletons> singletons = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            JsonNode block = blocks.get(b);
            int n = block.has("n") ? block.get("n").asInt() : block.get("vth").size();
            blockFirstCore[b] = drafts.size();
            cxCore[b] = new int[n];
            cxLocal[b] = new int[n];
            Loihi1CoreSingletons shared = new Loihi1CoreSingletons(exponent(block.get("vmin").asLong(), true),
                    exponent(block.get("vmax").asLong(), false), Loihi1Limits.DECAY_U_OFFSET,
                    Loihi1Limits.DECAY_V_OFFSET, Loihi1Limits.DELAY_BITS_MIN);
            int[] decayU = ints(block.get("decay_u"), n);
            int[] decayV = ints(block.get("decay_v"), n);
            int[] vth = ints(block.get("vth"), n);
            int[] bias = ints(block.get("bias"), n);
            int[] refract = ints(block.get("refract_delay"), n);
            CoreDraft draft = null;
            for (int i = 0; i < n; i++) {
                Loihi1CompartmentProfile profile = Loihi1CompartmentProfile.lif(decayU[i], decayV[i], refract[i]);
                if (vth[i] % (1 << SHIFT) != 0) {
                    throw new IllegalArgumentException(label + ": block " + b + " vth " + vth[i]
                            + " is not a mantissa << 6");
                }
                Loihi1ThresholdProfile threshold = new Loihi1ThresholdProfile(vth[i] >> SHIFT);
                if (draft == null || draft.count == Loihi1Limits.COMPARTMENTS_PER_CORE
                        || (!draft.profiles.contains(profile)
                                && draft.profiles.size() == Loihi1Limits.COMPARTMENT_PROFILES_PER_CORE)
                        || (!draft.thresholds.contains(threshold)
                                && draft.thresholds.size() == Loihi1Limits.THRESHOLD_PROFILES_PER_CORE)) {
                    draft = new CoreDraft(b, i);
                    drafts.add(draft);
                    singletons.add(shared);
                }
                cxCore[b][i] = drafts.size() - 1;
                cxLocal[b][i] = draft.count++;
                draft.cxProfile.add(intern(draft.profiles, profile));
                draft.vthProfile.add(intern(draft.thresholds, threshold));
                int e = biasExponent(label, bias[i]);
                draft.biasMant.add(bias[i] >> e);
                draft.biasExp.add(e);
            }
        }
        blockFirstCore[blocks.size()] = drafts.size();
        Map<String, Integer> blockIndex = new java.util.HashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            blockIndex.put(blocks.get(b).get("label").asText(), b);
        }
        Map<String, JsonNode> inputs = new java.util.HashMap<>();
        for (JsonNode input : root.get("inputs")) {
            inputs.put(input.get("label").asText(), input);
        }
        Rows spikes = new Rows(4);
        for (JsonNode connection : root.get("connections")) {
            String preLabel = connection.get("pre").asText();
            int post = blockIndex.get(connection.get("post").asText());
            JsonNode weights = connection.get("weights");
            int axons = connection.has("n_axons") ? connection.get("n_axons").asInt() : weights.size();
            int exp = weightExponent(label, weights);
            int[] axonBase = new int[drafts.size()];
            for (int c = blockFirstCore[post]; c < blockFirstCore[post + 1]; c++) {
                CoreDraft draft = drafts.get(c);
                axonBase[c] = draft.axons;
                draft.axons += axons;
                registerSignFormats(draft, weights, axons, exp);
                for (int a = 0; a < axons; a++) {
                    for (int i = draft.first; i < draft.first + draft.count; i++) {
                        int w = weights.get(a).get(i).asInt();
                        if (w == 0) {
                            continue;
                        }
                        Loihi1SignMode mode = w > 0 ? Loihi1SignMode.EXCITATORY : Loihi1SignMode.INHIBITORY;
                        int mantissa = exp >= 0 ? (w >> SHIFT) >> exp : (w >> SHIFT) << -exp;
                        draft.synapses.add(new int[] {axonBase[c] + a, draft.formatId(mode, exp), i - draft.first,
                                mantissa});
                    }
                }
            }
            if (inputs.containsKey(preLabel)) {
                for (JsonNode event : inputs.get(preLabel).get("spikes")) {
                    int t = event.get(0).asInt();
                    if (t < 1) {
                        throw new IllegalArgumentException(label + ": SpikeInput time " + t + " has no step before it");
                    }
                    for (JsonNode axon : event.get(1)) {
                        for (int c = blockFirstCore[post]; c < blockFirstCore[post + 1]; c++) {
                            spikes.add(t - 1, 0, c, axonBase[c] + axon.asInt());
                        }
                    }
                }
            } else {
                int pre = blockIndex.get(preLabel);
                for (int a = 0; a < axons; a++) {
                    CoreDraft source = drafts.get(cxCore[pre][a]);
                    for (int c = blockFirstCore[post]; c < blockFirstCore[post + 1]; c++) {
                        source.outputs.add(new int[] {cxLocal[pre][a], 0, c, axonBase[c] + a});
                    }
                }
            }
        }
        List<Loihi1CoreConfig> cores = new ArrayList<>();
        for (int c = 0; c < drafts.size(); c++) {
            cores.add(core(c, drafts.get(c), singletons.get(c)));
        }
        Rows origin = new Rows(6);
        List<Loihi1Population> populations = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        int column = 0;
        for (int b = 0; b < blocks.size(); b++) {
            String blockLabel = blocks.get(b).get("label").asText();
            int n = cxCore[b].length;
            populations.add(new Loihi1Population(blockLabel.isEmpty() ? "block" + b : blockLabel, n));
            for (int i = 0; i < n; i++) {
                origin.add(0, cxCore[b][i], cxLocal[b][i], b, i, 0);
            }
            JsonNode traces = root.get("traces").get(blockLabel);
            if (traces != null) {
                expectations.addAll(expectationsOf(label, "block " + blockLabel, traces, column, steps, n));
            }
            column += n;
        }
        spikes.sortByFirstColumn();
        int[][] s = spikes.columns();
        Loihi1Config config = config(Loihi1Arithmetic.NENGO_LOIHI, steps, cores,
                new Loihi1SpikeStimuli(s[0], s[1], s[2], s[3]), Loihi1CurrentStimuli.none(), populations, origin);
        return new Case(label, Kind.NENGO_LOIHI, config, steps, expectations);
    }

    /**
     * Gives the connection's excitatory format its id before the inhibitory one (of the signs its
     * weights on this core use), so a single connection has format 1 excitatory and format 2
     * inhibitory as docs/config-loihi1.md lays out, whichever sign its first weight has.
     */
    private static void registerSignFormats(CoreDraft draft, JsonNode weights, int axons, int exp) {
        boolean positive = false;
        boolean negative = false;
        for (int a = 0; a < axons; a++) {
            for (int i = draft.first; i < draft.first + draft.count; i++) {
                int w = weights.get(a).get(i).asInt();
                positive |= w > 0;
                negative |= w < 0;
            }
        }
        if (positive) {
            draft.formatId(Loihi1SignMode.EXCITATORY, exp);
        }
        if (negative) {
            draft.formatId(Loihi1SignMode.INHIBITORY, exp);
        }
    }

    private static Loihi1CoreConfig core(int id, CoreDraft draft, Loihi1CoreSingletons singletons) {
        List<Loihi1SynapseFormatEntry> formats = new ArrayList<>();
        for (int f = 0; f < draft.formats.size(); f++) {
            formats.add(new Loihi1SynapseFormatEntry(f + 1, new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX,
                    0, 0, indexCode(draft.count - 1), Loihi1Limits.COMPRESSION_SPARSE,
                    Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, (int) draft.formats.get(f)[0],
                    (int) draft.formats.get(f)[1])));
        }
        int count = draft.synapses.size();
        int[] start = new int[draft.axons + 1];
        byte[] fmt = new byte[count];
        short[] target = new short[count];
        short[] weight = new short[count];
        for (int s = 0; s < count; s++) {
            int[] row = draft.synapses.get(s);
            start[row[0] + 1]++;
            fmt[s] = (byte) row[1];
            target[s] = (short) row[2];
            weight[s] = (short) row[3];
        }
        for (int a = 0; a < draft.axons; a++) {
            start[a + 1] += start[a];
        }
        draft.outputs.sort((x, y) -> Integer.compare(x[0], y[0]));
        int[][] out = new int[4][draft.outputs.size()];
        for (int r = 0; r < draft.outputs.size(); r++) {
            for (int k = 0; k < 4; k++) {
                out[k][r] = draft.outputs.get(r)[k];
            }
        }
        return new Loihi1CoreConfig(id, singletons, draft.profiles, draft.thresholds,
                new Loihi1Compartments(toInts(draft.cxProfile), toInts(draft.vthProfile), toInts(draft.biasMant),
                        toInts(draft.biasExp)),
                Loihi1TreeEdges.none(), formats, new Loihi1Synapses(draft.axons, start, fmt, target, weight,
                        new byte[count]),
                new Loihi1OutputAxons(out[0], out[1], out[2], out[3]));
    }

    /**
     * The smallest weight exponent that stores every weight of a connection exactly: the chip adds
     * {@code shift(m, e) << 6} for an 8-bit mantissa m, so a weight w = 64 k needs m = k >> e
     * (k divisible by 2^e) or m = k << -e, with |m| <= 255.
     */
    private static int weightExponent(String label, JsonNode weights) {
        int max = 0;
        int common = 0;
        for (JsonNode row : weights) {
            for (JsonNode value : row) {
                int w = value.asInt();
                if (w % (1 << SHIFT) != 0) {
                    throw new IllegalArgumentException(label + ": weight " + w + " is not a multiple of 64: "
                            + "the chip adds 8-bit mantissas shifted by weight_exp + 6");
                }
                max = Math.max(max, Math.abs(w >> SHIFT));
                common |= w >> SHIFT;
            }
        }
        for (int e = 0; e <= Loihi1Limits.WEIGHT_EXP_MAX; e++) {
            boolean exact = e == 0 || (common & ((1 << e) - 1)) == 0;
            if (exact && (max >> e) <= Loihi1Limits.WEIGHT_MANTISSA_MAX) {
                return e;
            }
        }
        throw new IllegalArgumentException(label + ": weights up to " + (max << SHIFT) + " need more than 8-bit "
                + "mantissas at any weight exponent");
    }

    private static int biasExponent(String label, int bias) {
        for (int e = Loihi1Limits.BIAS_EXP_MIN; e <= Loihi1Limits.BIAS_EXP_MAX; e++) {
            if ((bias >> e) << e == bias && Math.abs(bias >> e) <= Loihi1Limits.BIAS_MANTISSA_MAX) {
                return e;
            }
        }
        throw new IllegalArgumentException(label + ": bias " + bias + " is no 13-bit mantissa times 2^(0..7)");
    }

    private static int exponent(long value, boolean vmin) {
        int lo = vmin ? Loihi1Limits.VMIN_EXP_MIN : Loihi1Limits.VMAX_EXP_MIN;
        int hi = vmin ? Loihi1Limits.VMIN_EXP_MAX : Loihi1Limits.VMAX_EXP_MAX;
        for (int e = lo; e <= hi; e++) {
            if ((vmin ? Loihi1Limits.vminOfExponent(e) : Loihi1Limits.vmaxOfExponent(e)) == value) {
                return e;
            }
        }
        throw new IllegalArgumentException((vmin ? "vmin " : "vmax ") + value + " has no exponent");
    }

    // ------------------------------------------------------------------------------------------
    // Shared

    /** The traced quantities of {@code node} (fields that are [step][index] arrays), as expectations. */
    private static List<Expectation> expectationsOf(String label, String group, JsonNode node, int column,
            int steps, int width, String... inputs) {
        List<Expectation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (!isTrace(value, steps) || Arrays.asList(inputs).contains(field.getKey())) {
                continue;
            }
            String probe = probeFor(field.getKey());
            if (probe == null) {
                throw new IllegalArgumentException(label + ": " + group + " traces '" + field.getKey()
                        + "', which the emulator does not know how to probe");
            }
            int[][] values = new int[steps][width];
            for (int k = 0; k < steps; k++) {
                JsonNode row = value.get(k);
                if (row.size() != width) {
                    throw new IllegalArgumentException(label + ": " + group + " '" + field.getKey() + "' step " + k
                            + " has " + row.size() + " values, expected " + width);
                }
                for (int i = 0; i < width; i++) {
                    values[k][i] = row.get(i).isBoolean() ? (row.get(i).asBoolean() ? 1 : 0) : row.get(i).asInt();
                }
            }
            out.add(new Expectation(group, field.getKey(), probe, column, values));
        }
        return out;
    }

    private static boolean isTrace(JsonNode value, int steps) {
        return value.isArray() && value.size() == steps && steps > 0 && value.get(0).isArray()
                && (value.get(0).size() == 0 || value.get(0).get(0).isValueNode());
    }

    private static Loihi1Config config(Loihi1Arithmetic arithmetic, int steps, List<Loihi1CoreConfig> cores,
            Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current, List<Loihi1Population> populations, Rows origin) {
        int total = 0;
        for (Loihi1CoreConfig core : cores) {
            total += core.compartmentCount();
        }
        int[] chip = new int[total];
        int[] coreIds = new int[total];
        int[] compartment = new int[total];
        int r = 0;
        for (Loihi1CoreConfig core : cores) {
            for (int i = 0; i < core.compartmentCount(); i++) {
                coreIds[r] = core.id();
                compartment[r++] = i;
            }
        }
        List<Loihi1Probe> probes = new ArrayList<>();
        for (Loihi1ProbeVariable variable : Loihi1ProbeVariable.values()) {
            probes.add(new Loihi1Probe(variable.jsonName(), variable, 1, chip, coreIds, compartment));
        }
        int[][] o = origin.columns();
        return new Loihi1Config(Loihi1System.SINGLE_CHIP, arithmetic, 0.001, steps, 0,
                List.of(new Loihi1ChipConfig(0, cores)), spikes, current, probes,
                new Loihi1Origin(populations, List.of("soma"), o[0], o[1], o[2], o[3], o[4], o[5]));
    }

    private static int indexCode(int maxIndex) {
        return Math.max(1, Loihi1Limits.indexBitsCodeFor(maxIndex));
    }

    private static void requireZero(String label, JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null) {
            return;
        }
        for (int i = 0; i < (value.isArray() ? value.size() : 1); i++) {
            if ((value.isArray() ? value.get(i) : value).asLong() != 0) {
                throw new IllegalArgumentException(label + ": initial state " + field + " = " + value
                        + ": configs start every compartment at 0");
            }
        }
    }

    /** An int array of length n from a JSON array, or a scalar repeated n times. */
    /**
     * All-to-all synapses of format 1 from {@code pre} input axons onto compartments
     * {@code 0..post-1}, axon-major, no delays: the Dense layer of the Lava golden traces.
     */
    static Loihi1Synapses denseSynapses(int pre, int post, IntBinaryOperator weightOf) {
        int[] start = new int[pre + 1];
        byte[] fmt = new byte[pre * post];
        short[] target = new short[pre * post];
        short[] weight = new short[pre * post];
        for (int i = 0; i < pre; i++) {
            start[i + 1] = start[i] + post;
            for (int j = 0; j < post; j++) {
                fmt[i * post + j] = 1;
                target[i * post + j] = (short) j;
                weight[i * post + j] = (short) weightOf.applyAsInt(i, j);
            }
        }
        return new Loihi1Synapses(pre, start, fmt, target, weight, new byte[pre * post]);
    }

    static int[] ints(JsonNode node, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = node.isArray() ? node.get(i).asInt() : node.asInt();
        }
        return out;
    }

    private static int[] toInts(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static <T> int intern(List<T> table, T value) {
        int index = table.indexOf(value);
        if (index >= 0) {
            return index;
        }
        table.add(value);
        return table.size() - 1;
    }

    /** A growable table of int rows, turned into columns at the end. */
    private static final class Rows {
        private final int width;
        private final List<int[]> rows = new ArrayList<>();

        Rows(int width) {
            this.width = width;
        }

        void add(int... row) {
            rows.add(row);
        }

        /** Stable sort by the first column (the step of stimuli). */
        void sortByFirstColumn() {
            rows.sort((x, y) -> Integer.compare(x[0], y[0]));
        }

        int[][] columns() {
            int[][] out = new int[width][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < width; c++) {
                    out[c][r] = rows.get(r)[c];
                }
            }
            return out;
        }
    }
}
