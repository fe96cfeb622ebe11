package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import java.util.List;
import java.util.Set;

/**
 * A small but complete config: two chips, three cores, a two-compartment ADD tree (the CUBA
 * lowering: an auxiliary compartment pushes U' into the soma), two synapse formats, routing
 * between cores and chips, both stimulus kinds, probes, and an origin table; one core has more
 * compartments than fit inline, so its table goes to a sidecar.
 */
final class Loihi1ConfigFixtures {

    static final int BIG_CORE_COMPARTMENTS = Loihi1ConfigDescriptor.INLINE_MAX_ROWS + 6;

    private Loihi1ConfigFixtures() {
    }

    static Loihi1Config sample() {
        Loihi1CompartmentProfile soma = Loihi1CompartmentProfile.lif(409, 205, 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP);
        Loihi1CompartmentProfile aux = new Loihi1CompartmentProfile(100, 0, 1, Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V,
                Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U, Set.of(Loihi1BapSource.SELF),
                Set.of(Loihi1BapAction.REFRACTORY));
        Loihi1CompartmentProfile plain = Loihi1CompartmentProfile.lif(0, 0, 1);
        Loihi1SynapseFormatEntry mixed8 = new Loihi1SynapseFormatEntry(1, new Loihi1SynapseFormat(
                Loihi1Limits.WEIGHT_BITS_CODE_MAX, 0, 0, 2, Loihi1Limits.COMPRESSION_SPARSE,
                Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, Loihi1SignMode.MIXED.code(), 0));
        Loihi1SynapseFormatEntry exc6 = new Loihi1SynapseFormatEntry(2, new Loihi1SynapseFormat(6, 3, 0, 1,
                Loihi1Limits.COMPRESSION_SPARSE, 15, Loihi1SignMode.EXCITATORY.code(), -1));
        Loihi1CoreConfig core0 = new Loihi1CoreConfig(0, Loihi1CoreSingletons.nengoLoihi(),
                List.of(soma, aux, plain), List.of(new Loihi1ThresholdProfile(100), new Loihi1ThresholdProfile(60)),
                new Loihi1Compartments(new int[] {1, 0, 2}, new int[] {0, 0, 1}, new int[] {0, 500, -300},
                        new int[] {0, 0, 3}),
                new Loihi1TreeEdges(new int[] {0}, new int[] {1}, new int[] {Loihi1TreeEdges.PORT_A}),
                List.of(mixed8, exc6),
                new Loihi1Synapses(2, new int[] {0, 2, 3}, new byte[] {1, 2, 1}, new short[] {1, 2, 0},
                        new short[] {50, 255, -20}, new byte[] {0, 3, 0}),
                new Loihi1OutputAxons(new int[] {1, 2}, new int[] {0, 1}, new int[] {1, 0}, new int[] {0, 0}));
        int n = BIG_CORE_COMPARTMENTS;
        int[] zeros = new int[n];
        int[] bias = new int[n];
        short[] targets = new short[n];
        short[] weights = new short[n];
        for (int i = 0; i < n; i++) {
            bias[i] = i * 7 - 200;
            targets[i] = (short) i;
            weights[i] = (short) (i % 2 == 0 ? 10 : -10);
        }
        Loihi1CoreConfig core1 = new Loihi1CoreConfig(1, Loihi1CoreSingletons.nengoLoihi(),
                List.of(Loihi1CompartmentProfile.lif(1000, 128, 3)), List.of(new Loihi1ThresholdProfile(400)),
                new Loihi1Compartments(zeros, zeros, bias, zeros), Loihi1TreeEdges.none(), List.of(mixed8),
                new Loihi1Synapses(1, new int[] {0, n}, filled(n, (byte) 1), targets, weights, new byte[n]),
                Loihi1OutputAxons.none());
        Loihi1CoreConfig chip1core0 = new Loihi1CoreConfig(0, Loihi1CoreSingletons.nengoLoihi(),
                List.of(plain), List.of(new Loihi1ThresholdProfile(30)),
                new Loihi1Compartments(new int[1], new int[1], new int[1], new int[1]), Loihi1TreeEdges.none(),
                List.of(mixed8), new Loihi1Synapses(1, new int[] {0, 1}, new byte[] {1}, new short[] {0},
                        new short[] {-256}, new byte[] {0}),
                Loihi1OutputAxons.none());
        Loihi1SpikeStimuli spikes = new Loihi1SpikeStimuli(new int[] {0, 2, 3}, new int[] {0, 0, 0},
                new int[] {0, 0, 1}, new int[] {0, 1, 0});
        Loihi1CurrentStimuli current = new Loihi1CurrentStimuli(Loihi1CurrentScale.LAVA_RAW, new int[] {1, 1},
                new int[] {0, 1}, new int[] {0, 0}, new int[] {2, 0}, new int[] {128, -150});
        List<Loihi1Probe> probes = List.of(
                new Loihi1Probe("v", Loihi1ProbeVariable.VOLTAGE, 1, new int[] {0, 0}, new int[] {0, 1},
                        new int[] {1, 5}),
                new Loihi1Probe("q.aux", Loihi1ProbeVariable.SYNAPTIC_INPUT, 2, new int[] {0}, new int[] {0},
                        new int[] {0}));
        int rows = 3 + n + 1;
        int[] chip = new int[rows];
        int[] core = new int[rows];
        int[] compartment = new int[rows];
        int[] population = new int[rows];
        int[] neuron = new int[rows];
        int[] name = new int[rows];
        compartment[0] = 0;
        name[0] = 1;
        compartment[1] = 1;
        compartment[2] = 2;
        neuron[2] = 1;
        for (int i = 0; i < n; i++) {
            core[3 + i] = 1;
            compartment[3 + i] = i;
            population[3 + i] = 1;
            neuron[3 + i] = i;
        }
        chip[rows - 1] = 1;
        population[rows - 1] = 2;
        Loihi1Origin origin = new Loihi1Origin(
                List.of(new Loihi1Population("exc", 2), new Loihi1Population("big", n), new Loihi1Population("far", 1)),
                List.of("soma", "aux"), chip, core, compartment, population, neuron, name);
        return new Loihi1Config(Loihi1System.KAPOHO_BAY, Loihi1Arithmetic.NENGO_LOIHI, 0.001, 200, 7L,
                List.of(new Loihi1ChipConfig(0, List.of(core0, core1)), new Loihi1ChipConfig(1, List.of(chip1core0))),
                spikes, current, probes, origin);
    }

    private static byte[] filled(int n, byte value) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
