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
import io.neuromap.backends.loihi1.config.Loihi1CurrentScale;
import io.neuromap.backends.loihi1.config.Loihi1CurrentStimuli;
import io.neuromap.backends.loihi1.config.Loihi1InitialState;
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import io.neuromap.backends.loihi1.config.Loihi1Probe;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdProfile;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small configs for tests: cores with compartments, trees, synapse formats, synapses and
 * routing, plus stimuli and probes; the origin table is filled in (one population holding every
 * compartment). By default every compartment is probed for every variable, each probe named after
 * its variable, so a test reads {@code result.trace("voltage")}.
 */
final class Loihi1TestConfig {

    private final Loihi1Arithmetic arithmetic;
    private Loihi1System system = Loihi1System.SINGLE_CHIP;
    private final Map<Long, Core> cores = new LinkedHashMap<>();
    private final List<int[]> spikes = new ArrayList<>();
    private final List<int[]> current = new ArrayList<>();
    private Loihi1CurrentScale scale = Loihi1CurrentScale.NENGO_FULL;
    private final List<Loihi1Probe> probes = new ArrayList<>();
    private int steps = 100;

    Loihi1TestConfig(Loihi1Arithmetic arithmetic) {
        this.arithmetic = arithmetic;
    }

    Loihi1TestConfig system(Loihi1System value) {
        system = value;
        return this;
    }

    Loihi1TestConfig steps(int value) {
        steps = value;
        return this;
    }

    /** A new core (its singletons default to the arithmetic's reference settings). */
    Core core(int chip, int id) {
        Core core = new Core(chip, id, arithmetic == Loihi1Arithmetic.LAVA ? Loihi1CoreSingletons.lava()
                : Loihi1CoreSingletons.nengoLoihi());
        cores.put(((long) chip << 32) | id, core);
        return core;
    }

    /** A spike fired into (chip, core, axon) in {@code step}. */
    Loihi1TestConfig spike(int step, int chip, int core, int axon) {
        spikes.add(new int[] {step, chip, core, axon});
        return this;
    }

    Loihi1TestConfig currentScale(Loihi1CurrentScale value) {
        scale = value;
        return this;
    }

    /** {@code value} added to (chip, core, compartment)'s input in {@code step}. */
    Loihi1TestConfig current(int step, int chip, int core, int compartment, int value) {
        current.add(new int[] {step, chip, core, compartment, value});
        return this;
    }

    /** An explicit probe; once one is added, the default probes are not. */
    Loihi1TestConfig probe(String name, Loihi1ProbeVariable variable, int every, int[] chip, int[] core,
            int[] compartment) {
        probes.add(new Loihi1Probe(name, variable, every, chip, core, compartment));
        return this;
    }

    Loihi1Config build() {
        List<Loihi1ChipConfig> chips = new ArrayList<>();
        Map<Integer, List<Loihi1CoreConfig>> byChip = new LinkedHashMap<>();
        int total = 0;
        for (Core core : cores.values()) {
            byChip.computeIfAbsent(core.chip, k -> new ArrayList<>()).add(core.build());
            total += core.cxProfile.size();
        }
        for (Map.Entry<Integer, List<Loihi1CoreConfig>> entry : byChip.entrySet()) {
            chips.add(new Loihi1ChipConfig(entry.getKey(), entry.getValue()));
        }
        int[] chip = new int[total];
        int[] coreIds = new int[total];
        int[] compartment = new int[total];
        int[] population = new int[total];
        int[] neuron = new int[total];
        int r = 0;
        for (Core core : cores.values()) {
            for (int i = 0; i < core.cxProfile.size(); i++) {
                chip[r] = core.chip;
                coreIds[r] = core.id;
                compartment[r] = i;
                neuron[r] = r;
                r++;
            }
        }
        List<Loihi1Probe> allProbes = new ArrayList<>(probes);
        if (allProbes.isEmpty()) {
            for (Loihi1ProbeVariable variable : Loihi1ProbeVariable.values()) {
                allProbes.add(new Loihi1Probe(variable.jsonName(), variable, 1, chip, coreIds, compartment));
            }
        }
        spikes.sort((a, b) -> Integer.compare(a[0], b[0]));
        current.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[][] s = columns(spikes, 4);
        int[][] c = columns(current, 5);
        return new Loihi1Config(system, arithmetic, 0.001, steps, 1, chips, new Loihi1SpikeStimuli(s[0], s[1], s[2],
                s[3]), new Loihi1CurrentStimuli(scale, c[0], c[1], c[2], c[3], c[4]), allProbes,
                new Loihi1Origin(List.of(new Loihi1Population("all", total)), List.of("soma"), chip, coreIds,
                        compartment, population, neuron, new int[total]));
    }

    private static int[][] columns(List<int[]> rows, int width) {
        int[][] out = new int[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < width; k++) {
                out[k][r] = rows.get(r)[k];
            }
        }
        return out;
    }

    /** One core under construction. */
    static final class Core {
        final int chip;
        final int id;
        private Loihi1CoreSingletons singletons;
        private final List<Loihi1CompartmentProfile> profiles = new ArrayList<>();
        private final List<Loihi1ThresholdProfile> thresholds = new ArrayList<>();
        private final List<Integer> cxProfile = new ArrayList<>();
        private final List<Integer> vthProfile = new ArrayList<>();
        private final List<Integer> biasMant = new ArrayList<>();
        private final List<Integer> biasExp = new ArrayList<>();
        private final List<int[]> edges = new ArrayList<>();
        private final List<Loihi1SynapseFormatEntry> formats = new ArrayList<>();
        private final List<int[]> synapses = new ArrayList<>();
        private final List<int[]> outputs = new ArrayList<>();
        private final List<int[]> initial = new ArrayList<>();
        private int inputAxons;

        private Core(int chip, int id, Loihi1CoreSingletons singletons) {
            this.chip = chip;
            this.id = id;
            this.singletons = singletons;
        }

        Core singletons(Loihi1CoreSingletons value) {
            singletons = value;
            return this;
        }

        /** Adds a compartment; returns its index. */
        int compartment(Loihi1CompartmentProfile profile, int vthMant, int bias, int biasExponent) {
            int p = profiles.indexOf(profile);
            if (p < 0) {
                profiles.add(profile);
                p = profiles.size() - 1;
            }
            Loihi1ThresholdProfile threshold = new Loihi1ThresholdProfile(vthMant);
            int t = thresholds.indexOf(threshold);
            if (t < 0) {
                thresholds.add(threshold);
                t = thresholds.size() - 1;
            }
            cxProfile.add(p);
            vthProfile.add(t);
            biasMant.add(bias);
            biasExp.add(biasExponent);
            return cxProfile.size() - 1;
        }

        /** {@code n} compartments of one profile, threshold and bias; returns the first index. */
        int compartments(int n, Loihi1CompartmentProfile profile, int vthMant, int bias, int biasExponent) {
            int first = cxProfile.size();
            for (int i = 0; i < n; i++) {
                compartment(profile, vthMant, bias, biasExponent);
            }
            return first;
        }

        Core edge(int child, int parent, int port) {
            edges.add(new int[] {child, parent, port});
            return this;
        }

        /** A synapse format: sparse, 12 index bits. */
        Core format(int formatId, int weightBits, Loihi1SignMode mode, int weightExp, int delayBits) {
            formats.add(new Loihi1SynapseFormatEntry(formatId, new Loihi1SynapseFormat(
                    Loihi1SynapseFormatEntry.weightBitsCode(weightBits), delayBits, 0, Loihi1Limits.INDEX_BITS_CODE_MAX,
                    Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, mode.code(),
                    weightExp)));
            return this;
        }

        /** A synapse of input {@code axon} (axons are created as needed). */
        Core synapse(int axon, int formatId, int compartment, int weight, int delay) {
            synapses.add(new int[] {axon, formatId, compartment, weight, delay});
            inputAxons = Math.max(inputAxons, axon + 1);
            return this;
        }

        Core inputAxons(int n) {
            inputAxons = Math.max(inputAxons, n);
            return this;
        }

        /** Routes compartment {@code compartment}'s spikes to (chip, core, axon). */
        Core output(int compartment, int targetChip, int targetCore, int axon) {
            outputs.add(new int[] {compartment, targetChip, targetCore, axon});
            return this;
        }

        /** Sets compartment {@code compartment}'s u and v before step 0. */
        Core initial(int compartment, int u, int v) {
            initial.add(new int[] {compartment, u, v});
            return this;
        }

        private Loihi1CoreConfig build() {
            synapses.sort((a, b) -> Integer.compare(a[0], b[0]));
            outputs.sort((a, b) -> Integer.compare(a[0], b[0]));
            int n = synapses.size();
            int[] start = new int[inputAxons + 1];
            byte[] format = new byte[n];
            short[] target = new short[n];
            short[] weight = new short[n];
            byte[] delay = new byte[n];
            for (int s = 0; s < n; s++) {
                int[] row = synapses.get(s);
                start[row[0] + 1]++;
                format[s] = (byte) row[1];
                target[s] = (short) row[2];
                weight[s] = (short) row[3];
                delay[s] = (byte) row[4];
            }
            for (int a = 0; a < inputAxons; a++) {
                start[a + 1] += start[a];
            }
            int[][] e = columns(edges, 3);
            int[][] o = columns(outputs, 4);
            initial.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[][] i = columns(initial, 3);
            return new Loihi1CoreConfig(id, singletons, profiles, thresholds,
                    new Loihi1Compartments(ints(cxProfile), ints(vthProfile), ints(biasMant), ints(biasExp)),
                    new Loihi1TreeEdges(e[0], e[1], e[2]), formats,
                    new Loihi1Synapses(inputAxons, start, format, target, weight, delay),
                    new Loihi1OutputAxons(o[0], o[1], o[2], o[3]), new Loihi1InitialState(i[0], i[1], i[2]));
        }

        private static int[] ints(List<Integer> values) {
            int[] out = new int[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }
}
