package io.neuromap.backends.loihi1.mapping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.MappingCheck;
import io.neuromap.compiler.mapping.MappingVerifier;
import io.neuromap.compiler.mapping.Partition;
import io.neuromap.compiler.mapping.PartitionOptions;
import io.neuromap.compiler.mapping.Partitioner;
import io.neuromap.compiler.mapping.Placement;
import io.neuromap.compiler.mapping.PlacementOptions;
import io.neuromap.compiler.mapping.Placer;
import io.neuromap.compiler.mapping.ResourceKind;
import io.neuromap.compiler.mapping.Utilization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random networks written in the language, elaborated by the compiler and mapped onto Loihi 1
 * (deterministic seeds): every mapping is consistent (every neuron on one core, every IR synapse
 * assigned exactly once, usage equal to a recount from scratch); every core respects every limit
 * unless one neuron alone exceeds a core or a delay exceeds the chip's; the lower bound never
 * exceeds the cores of a partition that fits; placement never does worse than core order.
 */
class Loihi1MappingPropertyTest {

    static String randomProgram(Random rnd) {
        StringBuilder text = new StringBuilder("network R {\n");
        int pops = 1 + rnd.nextInt(4);
        List<String> neurons = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int p = 0; p < pops; p++) {
            int size = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 2000 : 300);
            String name = "p" + p;
            if (p > 0 && rnd.nextInt(5) == 0) {
                text.append(String.format(Locale.ROOT, "  population %s[%d] : poisson { rate = %d Hz; }%n", name, size,
                        1 + rnd.nextInt(40)));
                all.add(name);
                sizes.add(size);
                continue;
            }
            String body = switch (rnd.nextInt(6)) {
                case 0 -> " : lif { tau_m ~ uniform(5 ms, 60 ms); }";
                case 1 -> " : lif { v_thresh ~ uniform(-55 mV, -45 mV); }";
                case 2 -> " : lif { tau_syn_E = 5 ms; tau_syn_I = 12 ms; }";
                case 3 -> " : two_comp;";
                default -> " : lif;";
            };
            text.append("  population ").append(name).append('[').append(size).append(']').append(body).append('\n');
            neurons.add(name);
            all.add(name);
            sizes.add(size);
        }
        int projections = rnd.nextInt(6);
        for (int j = 0; j < projections && !neurons.isEmpty(); j++) {
            int pre = rnd.nextInt(all.size());
            String post = neurons.get(rnd.nextInt(neurons.size()));
            int postSize = sizes.get(all.indexOf(post));
            int preSize = sizes.get(pre);
            String connector;
            int kind = rnd.nextInt(4);
            if (kind == 0) {
                connector = "fixed_indegree(" + (1 + rnd.nextInt(Math.min(preSize, 300))) + ")";
            } else if (kind == 1 && (long) preSize * postSize <= 100_000) {
                connector = "all_to_all";
            } else {
                double p = Math.min(0.5, (1 + rnd.nextInt(120)) / (double) Math.max(1, preSize));
                connector = String.format(Locale.ROOT, "fixed_prob(%.4f)", p);
            }
            String delay = rnd.nextInt(3) == 0 ? "" : " delay ~ uniform(1 ms, " + (2 + rnd.nextInt(rnd.nextInt(8) == 0 ? 80 : 20))
                    + " ms);";
            String plastic = rnd.nextInt(6) == 0 ? " plasticity stdp()" : "";
            text.append(String.format(Locale.ROOT, "  project j%d : %s -> %s with %s%s { weight = 0.1 nA;%s }%n", j,
                    all.get(pre), post, connector, plastic, delay));
        }
        return text.append("}\nsimulate R { dt = 1 ms; seed = ").append(rnd.nextInt(1000)).append("; }\n").toString();
    }

    @Test
    void randomNetworksMapConsistentlyWithinEveryLimit() {
        int mapped = 0;
        for (int seed = 0; seed < 80; seed++) {
            Random rnd = new Random(1000 + seed);
            String program = randomProgram(rnd);
            Network net = Networks.elaborate(program);
            Loihi1System system = Loihi1System.ofChips(1 + rnd.nextInt(3));
            Loihi1ResourceModel model = Loihi1ResourceModel.of(Loihi1Limits.of(system));
            Partition part = Partitioner.partition(net, model, PartitionOptions.defaults());
            Placement place = Placer.place(net, part, PlacementOptions.defaults());
            MappingCheck check = MappingVerifier.verify(net, part, place);
            String context = "seed " + seed + ":\n" + program + part.summary();
            assertTrue(check.consistent(), () -> context + check.problems());
            for (int c = 0; c < part.coreCount(); c++) {
                Utilization u = part.utilization(c);
                boolean perNeuronOnly = u.overLimit().stream()
                        .allMatch(row -> row.resource().kind() == ResourceKind.NEURON_MAX);
                int core = c;
                assertTrue(u.fits() || part.neurons(c) == 1 || perNeuronOnly,
                        () -> context + "core " + core + ": " + u);
            }
            if (part.violations().isEmpty()) {
                assertTrue(part.lowerBounds().cores() <= part.coreCount(), context);
            }
            assertTrue(place.trafficHops() <= place.naiveTrafficHops(), context);
            mapped += part.coreCount() > 0 ? 1 : 0;
        }
        assertTrue(mapped > 60, "most random networks have neurons on cores");
    }
}
