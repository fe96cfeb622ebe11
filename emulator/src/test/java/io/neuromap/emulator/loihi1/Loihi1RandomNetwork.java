package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1ChipConfig;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Compartments;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreConfig;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdProfile;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A large random config for property tests and throughput measurements: many full cores of LIF
 * compartments with random parameters, every fifth core made of two-compartment ADD trees (the
 * CUBA lowering), every input axon with random synapses in three formats (mixed 8-bit,
 * excitatory 6-bit at weight exponent -1, inhibitory 8-bit at +1) and random delays, every spiking
 * compartment routed to a random axon of another core, and random spike stimuli. Probes record
 * every compartment's final current and voltage ({@code every = steps}) and one core's voltage
 * every 10 steps. The same seed gives the same config.
 */
final class Loihi1RandomNetwork {

    private Loihi1RandomNetwork() {
    }

    static Loihi1Config generate(long seed, Loihi1Arithmetic arithmetic, int cores, int compartments,
            int synapsesPerAxon, int steps, int stimuliPerStep) {
        return generate(seed, arithmetic, cores, compartments, synapsesPerAxon, steps, stimuliPerStep, false);
    }

    /**
     * As {@link #generate(long, Loihi1Arithmetic, int, int, int, int, int)}; with {@code mixedTrees}
     * the tree cores (every second core) are random sequences of plain compartments, ADD pairs,
     * PASS pairs, three-compartment trees popping A and B under every join, and peek chains, so
     * every loop of the kernel runs next to the others on one core.
     */
    static Loihi1Config generate(long seed, Loihi1Arithmetic arithmetic, int cores, int compartments,
            int synapsesPerAxon, int steps, int stimuliPerStep, boolean mixedTrees) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean lava = arithmetic == Loihi1Arithmetic.LAVA;
        Loihi1CoreSingletons singletons = lava ? Loihi1CoreSingletons.lava() : new Loihi1CoreSingletons(23, 7, 1, 0, 3);
        int indexCode = Loihi1Limits.indexBitsCodeFor(compartments - 1);
        List<Loihi1SynapseFormatEntry> formats = List.of(
                format(1, 7, indexCode, Loihi1SignMode.MIXED, 0),
                format(2, 6, indexCode, Loihi1SignMode.EXCITATORY, -1),
                format(3, 7, indexCode, Loihi1SignMode.INHIBITORY, 1));
        List<Loihi1CoreConfig> coreConfigs = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            coreConfigs.add(core(c, random, singletons, formats, cores, compartments, synapsesPerAxon,
                    mixedTrees ? c % 2 == 0 : c % 5 == 0, mixedTrees));
        }
        int stimuli = steps * stimuliPerStep;
        int[] step = new int[stimuli];
        int[] chip = new int[stimuli];
        int[] core = new int[stimuli];
        int[] axon = new int[stimuli];
        for (int r = 0; r < stimuli; r++) {
            step[r] = r / stimuliPerStep;
            core[r] = random.nextInt(cores);
            axon[r] = random.nextInt(compartments);
        }
        int total = cores * compartments;
        int[] pChip = new int[total];
        int[] pCore = new int[total];
        int[] pCompartment = new int[total];
        for (int g = 0; g < total; g++) {
            pCore[g] = g / compartments;
            pCompartment[g] = g % compartments;
        }
        int sampled = Math.min(cores - 1, 7);
        int[] sCore = new int[compartments];
        int[] sCompartment = new int[compartments];
        for (int i = 0; i < compartments; i++) {
            sCore[i] = sampled;
            sCompartment[i] = i;
        }
        List<Loihi1Probe> probes = new ArrayList<>(List.of(
                new Loihi1Probe("final_u", Loihi1ProbeVariable.CURRENT, steps, pChip, pCore, pCompartment),
                new Loihi1Probe("final_v", Loihi1ProbeVariable.VOLTAGE, steps, pChip, pCore, pCompartment),
                new Loihi1Probe("sample_v", Loihi1ProbeVariable.VOLTAGE, 10, new int[compartments], sCore,
                        sCompartment),
                new Loihi1Probe("sample_q", Loihi1ProbeVariable.SYNAPTIC_INPUT, 10, new int[compartments], sCore,
                        sCompartment)));
        if (mixedTrees) {
            // Every compartment's spikes every step, in reverse order and the first core twice.
            int[] zCore = new int[total + compartments];
            int[] zCompartment = new int[total + compartments];
            for (int k = 0; k < total + compartments; k++) {
                int g = k < total ? total - 1 - k : k - total;
                zCore[k] = g / compartments;
                zCompartment[k] = g % compartments;
            }
            probes.add(new Loihi1Probe("all_spikes", Loihi1ProbeVariable.SPIKES, 1, new int[total + compartments],
                    zCore, zCompartment));
        }
        int[] neuron = new int[total];
        for (int g = 0; g < total; g++) {
            neuron[g] = g;
        }
        return new Loihi1Config(Loihi1System.SINGLE_CHIP, arithmetic, 0.001, steps, seed,
                List.of(new Loihi1ChipConfig(0, coreConfigs)), new Loihi1SpikeStimuli(step, chip, core, axon),
                Loihi1CurrentStimuli.none(), probes,
                new Loihi1Origin(List.of(new Loihi1Population("net", total)), List.of("soma"), pChip, pCore,
                        pCompartment, new int[total], neuron, new int[total]));
    }

    /** Profiles of a mixed tree core, block by block; appends the tree profiles and the edges. */
    private static int[] mixedLayout(SplittableRandom random, int n, List<Loihi1CompartmentProfile> profiles,
            int aux, int soma, List<int[]> edges) {
        int pushV = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(300, 200, 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH));
        int pushSaturate = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(500, 300, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_SATURATE_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP,
                Loihi1StackOut.PUSH_U));
        Loihi1JoinOp[] joins = {Loihi1JoinOp.ADD, Loihi1JoinOp.MAX, Loihi1JoinOp.MIN, Loihi1JoinOp.PASS,
            Loihi1JoinOp.BLOCK, Loihi1JoinOp.OR, Loihi1JoinOp.AND};
        int popBoth = profiles.size();
        for (Loihi1JoinOp join : joins) {
            profiles.add(Loihi1CompartmentProfile.lif(200, 150, 3).withTree(
                    Loihi1ThresholdOp.SPIKE_AND_RESET, join, Loihi1StackIn.POP_A_AND_B, Loihi1StackOut.SKIP));
        }
        int pass = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(250, 100, 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.PASS, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP));
        int peek = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(400, 100, 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.PEEK_A, Loihi1StackOut.SKIP));
        int popOr = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(400, 100, 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.OR, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP));
        int[] layout = new int[n];
        int i = 0;
        while (i < n) {
            int block = random.nextInt(5);
            int left = n - i;
            if (block == 1 && left >= 2) {
                layout[i] = aux;
                layout[i + 1] = soma;
                edges.add(new int[] {i, i + 1, Loihi1TreeEdges.PORT_A});
                i += 2;
            } else if (block == 2 && left >= 2) {
                layout[i] = random.nextBoolean() ? pushV : pushSaturate;
                layout[i + 1] = pass;
                edges.add(new int[] {i, i + 1, Loihi1TreeEdges.PORT_A});
                i += 2;
            } else if (block == 3 && left >= 3) {
                layout[i] = random.nextBoolean() ? pushV : aux;
                layout[i + 1] = random.nextBoolean() ? pushV : pushSaturate;
                layout[i + 2] = popBoth + random.nextInt(joins.length);
                edges.add(new int[] {i + 1, i + 2, Loihi1TreeEdges.PORT_A});
                edges.add(new int[] {i, i + 2, Loihi1TreeEdges.PORT_B});
                i += 3;
            } else if (block == 4 && left >= 3) {
                layout[i] = pushV;
                layout[i + 1] = peek;
                layout[i + 2] = popOr;
                edges.add(new int[] {i, i + 1, Loihi1TreeEdges.PORT_A});
                edges.add(new int[] {i, i + 2, Loihi1TreeEdges.PORT_A});
                i += 3;
            } else {
                layout[i++] = random.nextInt(4);
            }
        }
        return layout;
    }

    private static Loihi1SynapseFormatEntry format(int id, int weightCode, int indexCode, Loihi1SignMode mode,
            int weightExp) {
        return new Loihi1SynapseFormatEntry(id, new Loihi1SynapseFormat(weightCode, 3, 0, indexCode,
                Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, mode.code(), weightExp));
    }

    private static Loihi1CoreConfig core(int id, SplittableRandom random, Loihi1CoreSingletons singletons,
            List<Loihi1SynapseFormatEntry> formats, int cores, int n, int synapsesPerAxon, boolean trees,
            boolean mixed) {
        List<Loihi1CompartmentProfile> profiles = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            profiles.add(Loihi1CompartmentProfile.lif(100 + random.nextInt(1400), 50 + random.nextInt(750),
                    1 + random.nextInt(3)));
        }
        int aux = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(200 + random.nextInt(800), 4095, 1).withTree(
                Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V, Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.PUSH_U));
        int soma = profiles.size();
        profiles.add(Loihi1CompartmentProfile.lif(100 + random.nextInt(400), 100 + random.nextInt(400), 2).withTree(
                Loihi1ThresholdOp.SPIKE_AND_RESET, Loihi1JoinOp.ADD, Loihi1StackIn.POP_A, Loihi1StackOut.SKIP));
        List<Loihi1ThresholdProfile> thresholds = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            thresholds.add(new Loihi1ThresholdProfile(80 + random.nextInt(220)));
        }
        int[] cxProfile = new int[n];
        int[] vthProfile = new int[n];
        int[] biasMant = new int[n];
        int[] biasExp = new int[n];
        List<int[]> edges = new ArrayList<>();
        int[] layout = mixed && trees ? mixedLayout(random, n, profiles, aux, soma, edges) : null;
        for (int i = 0; i < n; i++) {
            boolean isAux = layout == null && trees && i % 2 == 0 && i + 1 < n;
            boolean isSoma = layout == null && trees && i % 2 == 1;
            cxProfile[i] = layout != null ? layout[i] : isAux ? aux : isSoma ? soma : random.nextInt(4);
            vthProfile[i] = random.nextInt(4);
            biasMant[i] = -50 + random.nextInt(200);
            biasExp[i] = random.nextInt(4);
            if (isSoma) {
                edges.add(new int[] {i - 1, i, Loihi1TreeEdges.PORT_A});
            }
        }
        int axons = n;
        int count = axons * synapsesPerAxon;
        int[] start = new int[axons + 1];
        byte[] format = new byte[count];
        short[] target = new short[count];
        short[] weight = new short[count];
        byte[] delay = new byte[count];
        for (int a = 0; a < axons; a++) {
            start[a + 1] = start[a] + synapsesPerAxon;
            for (int s = start[a]; s < start[a + 1]; s++) {
                int f = 1 + random.nextInt(3);
                format[s] = (byte) f;
                target[s] = (short) random.nextInt(n);
                weight[s] = (short) (f == 1 ? -256 + random.nextInt(512) : f == 2 ? random.nextInt(256)
                        : -random.nextInt(256));
                delay[s] = (byte) random.nextInt(7);
            }
        }
        List<int[]> outputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (trees && cxProfile[i] == aux) {
                continue;
            }
            int targetCore = (id + 1 + random.nextInt(cores - 1)) % cores;
            outputs.add(new int[] {i, 0, targetCore, random.nextInt(axons)});
        }
        int[][] e = new int[3][edges.size()];
        for (int r = 0; r < edges.size(); r++) {
            for (int k = 0; k < 3; k++) {
                e[k][r] = edges.get(r)[k];
            }
        }
        int[][] o = new int[4][outputs.size()];
        for (int r = 0; r < outputs.size(); r++) {
            for (int k = 0; k < 4; k++) {
                o[k][r] = outputs.get(r)[k];
            }
        }
        return new Loihi1CoreConfig(id, singletons, profiles, thresholds,
                new Loihi1Compartments(cxProfile, vthProfile, biasMant, biasExp), new Loihi1TreeEdges(e[0], e[1], e[2]),
                formats, new Loihi1Synapses(axons, start, format, target, weight, delay),
                new Loihi1OutputAxons(o[0], o[1], o[2], o[3]));
    }
}
