package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ConfigValidator;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.emit.Loihi1Routing;
import io.neuromap.backends.loihi1.lower.Heterogeneity;
import io.neuromap.backends.loihi1.lower.Loihi1LowerOptions;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.ProjectionLowering;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.rules.Loihi1Rules;
import io.neuromap.backends.loihi1.rules.MappedNet;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.compiler.ir.SynapseMatrix;
import io.neuromap.compiler.mapping.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random networks (LIF with distinct synaptic time constants, two-compartment neurons,
 * heterogeneous parameters, Poisson sources and stimuli, dc steps, delays) compiled to Loihi 1:
 * every emitted config passes the validator and every per-core rule when read back as a plain
 * config, and every synapse of the IR is in the config exactly once, on the core of its post
 * neuron, on the input axon of its source, at its compartment, with its delay and its weight.
 */
class Loihi1CompilePropertyTest {
    private static final int NETWORKS = 30;

    @TempDir
    Path dir;

    @Test
    void everyEmittedCoreRespectsEveryLimitAndEverySynapseAppearsOnce() throws IOException {
        SplittableRandom random = new SplittableRandom(20241128);
        int feasible = 0;
        for (int n = 0; n < NETWORKS; n++) {
            String text = RandomNetworks.text(random, n);
            Path file = dir.resolve("net" + n + ".nmap");
            Files.writeString(file, text);
            Loihi1Limits limits = Loihi1Limits.of(io.neuromap.backends.loihi1.Loihi1System.ofChips(1 + random.nextInt(2)));
            Loihi1LowerOptions lower = new Loihi1LowerOptions(random.nextBoolean() ? Heterogeneity.BIN : Heterogeneity.SPREAD,
                    random.nextDouble(0.01, 0.2), random.nextBoolean() ? Loihi1Arithmetic.NENGO_LOIHI : Loihi1Arithmetic.LAVA);
            Loihi1CompileResult r = Loihi1Compiler.compile(file,
                    Loihi1CompileOptions.defaults().withLimits(limits).withLower(lower));
            assertFalse(r.diagnostics().hasErrors(), () -> text + "\n" + r.diagnostics().all());
            Loihi1Checked checked = r.checked().orElseThrow();
            if (!r.feasible()) {
                // Random networks may break limits; whatever breaks must be a reported error.
                assertTrue(r.violations().stream().anyMatch(v -> v.severity() == Severity.ERROR));
                continue;
            }
            feasible++;
            Loihi1Config config = r.config().orElseThrow();
            assertEquals(List.of(), Loihi1ConfigValidator.validate(config), text);
            MappedNet plain = MappedNet.ofConfig(config, "config.json");
            List<Violation> core = Loihi1Rules.check(Loihi1Rules.coreRules(), plain, limits);
            assertEquals(List.of(), core, text);
            assertSynapsesOnce(checked, text);
        }
        assertTrue(feasible >= NETWORKS / 2, "only " + feasible + " of " + NETWORKS + " random networks fit");
    }

    /** Compares the multiset of (source, post compartment, delay field, weight) of the IR and of the config. */
    private static void assertSynapsesOnce(Loihi1Checked checked, String text) {
        Loihi1Lowering lowering = checked.emitted().routed().placed().partitioned().lowering();
        Loihi1Routing routing = checked.emitted().routed().routing();
        Loihi1Config config = checked.emitted().config();
        Network net = lowering.network();
        // Where each compartment of the config comes from (independent of the router: the origin table).
        Map<Long, Integer> globalOf = new HashMap<>();
        Loihi1Origin o = config.origin();
        for (int i = 0; i < o.count(); i++) {
            Population p = net.populations().get(o.population()[i]);
            globalOf.put(key(o.chip()[i], o.core()[i], o.compartment()[i]), p.offset() + o.neuron()[i]);
        }
        // The source of each input axon: output axons name it for neurons on cores, the host routes for sources.
        Map<Long, Integer> sourceOf = new HashMap<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig c : chip.cores()) {
                Loihi1OutputAxons out = c.outputAxons();
                for (int r = 0; r < out.count(); r++) {
                    int src = globalOf.get(key(chip.id(), c.id(), out.compartment()[r]));
                    Integer before = sourceOf.put(key(out.chip()[r], out.core()[r], out.axon()[r]), src);
                    assertTrue(before == null, "two sources on one axon");
                }
            }
        }
        for (int s = 0; s < net.neuronCount(); s++) {
            for (int r = routing.hostStart()[s]; r < routing.hostStart()[s + 1]; r++) {
                Integer before = sourceOf.put(key(routing.hostChip()[r], routing.hostCore()[r], routing.hostAxon()[r]), s);
                assertTrue(before == null, "two sources on one axon");
            }
        }
        List<long[]> fromConfig = new ArrayList<>();
        for (Loihi1ChipConfig chip : config.chips()) {
            for (Loihi1CoreConfig c : chip.cores()) {
                Loihi1Synapses s = c.synapses();
                for (int a = 0; a < s.inputAxons(); a++) {
                    int src = sourceOf.get(key(chip.id(), c.id(), a));
                    for (int k = s.axonStart()[a]; k < s.axonStart()[a + 1]; k++) {
                        int post = globalOf.get(key(chip.id(), c.id(), s.compartment()[k]));
                        int at = s.compartment()[k] - compartmentOfNeuron(globalOf, chip.id(), c.id(), s.compartment()[k], post);
                        fromConfig.add(new long[] {src, post, at, s.delay()[k], s.weight()[k]});
                    }
                }
            }
        }
        List<long[]> fromIr = new ArrayList<>();
        for (ProjectionLowering pl : lowering.projections()) {
            Projection p = net.projections().get(pl.projection());
            SynapseMatrix m = p.synapses();
            int preOffset = net.populations().get(p.pre()).offset();
            int postOffset = net.populations().get(p.post()).offset();
            for (int i = 0; i < m.rows(); i++) {
                for (int k = m.rowStart(i); k < m.rowEnd(i); k++) {
                    fromIr.add(new long[] {preOffset + i, postOffset + m.target(k), pl.position(), pl.delayField(k),
                        pl.mantissa(k)});
                }
            }
        }
        assertEquals(sorted(fromIr), sorted(fromConfig), text);
    }

    /** The index of the first compartment of {@code post}'s block on its core (its lowest compartment). */
    private static int compartmentOfNeuron(Map<Long, Integer> globalOf, int chip, int core, int compartment, int post) {
        int first = compartment;
        while (first > 0 && Integer.valueOf(post).equals(globalOf.get(key(chip, core, first - 1)))) {
            first--;
        }
        return first;
    }

    private static List<String> sorted(List<long[]> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (long[] r : rows) {
            out.add(Arrays.toString(r));
        }
        out.sort(null);
        return out;
    }

    private static long key(int chip, int core, int index) {
        return ((long) chip << 40) | ((long) core << 24) | index;
    }

    /** Random network texts the front end accepts. */
    static final class RandomNetworks {
        private RandomNetworks() {
        }

        static String text(SplittableRandom r, int n) {
            StringBuilder b = new StringBuilder("network R" + n + " {\n");
            List<String> neurons = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            List<Boolean> twoComp = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<Integer> sourceSizes = new ArrayList<>();
            int pops = 1 + r.nextInt(3);
            for (int p = 0; p < pops; p++) {
                String name = "p" + p;
                int size = 1 + r.nextInt(300);
                boolean two = r.nextInt(5) == 0;
                neurons.add(name);
                sizes.add(size);
                twoComp.add(two);
                b.append("  population ").append(name).append('[').append(size).append("] : ")
                        .append(two ? "two_comp" : "lif").append(" {\n");
                String pre = two ? "soma." : "";
                b.append(String.format(Locale.ROOT, "    %stau_m %s;%n", pre, r.nextBoolean() ? "= " + (5 + r.nextInt(40)) + " ms"
                        : "~ uniform(5 ms, 40 ms)"));
                b.append(String.format(Locale.ROOT, "    %stau_syn_E = %d ms;%n", pre, 1 + r.nextInt(10)));
                b.append(String.format(Locale.ROOT, "    %stau_syn_I %s;%n", pre, r.nextBoolean() ? "= " + (1 + r.nextInt(20)) + " ms"
                        : "~ uniform(2 ms, 20 ms)"));
                int rest = -70 + r.nextInt(10);
                b.append(String.format(Locale.ROOT, "    %sv_rest = %d mV;%n    %sv_reset = %d mV;%n    %sv_thresh = %d mV;%n",
                        pre, rest, pre, rest - r.nextInt(6), pre, rest + 5 + r.nextInt(15)));
                b.append(String.format(Locale.ROOT, "    %stau_refrac = %d ms;%n", pre, r.nextInt(5)));
                if (r.nextBoolean()) {
                    b.append(String.format(Locale.ROOT, "    %si_offset = %.2f nA;%n", pre, r.nextDouble(0, 0.5)));
                }
                if (two) {
                    b.append("    g_c ~ uniform(5 nS, 15 nS);\n    dendrite.tau_m = 30 ms;\n");
                }
                b.append("  }\n");
            }
            int srcs = r.nextInt(3);
            for (int s = 0; s < srcs; s++) {
                String name = "s" + s;
                int size = 1 + r.nextInt(100);
                sources.add(name);
                sourceSizes.add(size);
                b.append("  population ").append(name).append('[').append(size).append("] : poisson { rate = ")
                        .append(5 + r.nextInt(50)).append(" Hz; }\n");
            }
            int projections = 1 + r.nextInt(6);
            for (int j = 0; j < projections; j++) {
                boolean fromSource = !sources.isEmpty() && r.nextBoolean();
                int pre = r.nextInt(fromSource ? sources.size() : neurons.size());
                String preName = fromSource ? sources.get(pre) : neurons.get(pre);
                int preSize = fromSource ? sourceSizes.get(pre) : sizes.get(pre);
                int post = r.nextInt(neurons.size());
                String endpoint = neurons.get(post) + (twoComp.get(post) ? (r.nextBoolean() ? ".soma" : ".dendrite") : "");
                String connector;
                int kind = r.nextInt(4);
                if (kind == 0 && preSize * sizes.get(post) <= 20_000) {
                    connector = "all_to_all";
                } else if (kind == 1 && preSize == sizes.get(post)) {
                    connector = "one_to_one";
                } else if (kind == 2) {
                    connector = "fixed_indegree(" + (1 + r.nextInt(Math.min(preSize, 30))) + ")";
                } else {
                    connector = String.format(Locale.ROOT, "fixed_prob(%.2f)", r.nextDouble(0.01, 0.3));
                }
                boolean inh = r.nextInt(3) == 0;
                String weight = inh ? String.format(Locale.ROOT, "uniform(-%.2f nA, -0.05 nA)", r.nextDouble(0.1, 1))
                        : String.format(Locale.ROOT, "uniform(0.05 nA, %.2f nA)", r.nextDouble(0.1, 1));
                String delay = r.nextBoolean() ? "= 1 ms" : "~ uniform(1 ms, " + (2 + r.nextInt(20)) + " ms)";
                b.append(String.format(Locale.ROOT, "  project j%d : %s -> %s with %s { weight ~ %s; delay %s; receptor = %s; }%n",
                        j, preName, endpoint, connector, weight, delay, inh ? "inh" : "exc"));
            }
            if (r.nextInt(3) == 0) {
                b.append(String.format(Locale.ROOT, "  stimulus kick : dc(amplitude = %.2f nA, start = %d ms, duration = %d ms) -> %s;%n",
                        r.nextDouble(0.05, 0.5), r.nextInt(20), 1 + r.nextInt(20), neurons.get(0)));
            }
            if (r.nextInt(3) == 0) {
                b.append(String.format(Locale.ROOT, "  stimulus drive : poisson(rate = %d Hz) -> %s { weight = 0.3 nA; }%n",
                        5 + r.nextInt(30), neurons.get(neurons.size() - 1)));
            }
            b.append("  probe spikes of ").append(neurons.get(0)).append(";\n");
            b.append("  probe v : state(v) of ").append(neurons.get(0)).append("[0:1];\n");
            b.append("}\nsimulate R").append(n).append(" { dt = 1 ms; duration = 50 ms; seed = ").append(n).append("; }\n");
            return b.toString().replace("state(v) of " + neurons.get(0), twoComp.get(0)
                    ? "state(soma.v) of " + neurons.get(0) : "state(v) of " + neurons.get(0));
        }
    }
}
