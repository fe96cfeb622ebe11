package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
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
import io.neuromap.backends.loihi1.config.Loihi1Origin;
import io.neuromap.backends.loihi1.config.Loihi1OutputAxons;
import io.neuromap.backends.loihi1.config.Loihi1Population;
import io.neuromap.backends.loihi1.config.Loihi1SpikeStimuli;
import io.neuromap.backends.loihi1.config.Loihi1SynapseFormatEntry;
import io.neuromap.backends.loihi1.config.Loihi1Synapses;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdProfile;
import io.neuromap.backends.loihi1.config.Loihi1TreeEdges;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Configs and facts built to sit just over or just under one limit, for the rule tests: a core
 * described by the numbers its rules count, and lowering facts with spans on known lines.
 */
final class RuleFixtures {
    /** The line the fixture population is declared on; per-core violations are blamed there. */
    static final int POPULATION_LINE = 7;
    /** The line the network is declared on. */
    static final int NETWORK_LINE = 2;
    static final String FILE = "rules.nmap";

    private RuleFixtures() {
    }

    static SourceSpan line(int line) {
        return new SourceSpan(FILE, line * 100, line * 100 + 10, line, 3, line, 13);
    }

    /** The numbers one core's rules count; everything else minimal. */
    static final class Core {
        int compartments = 1;
        int inputAxons = 1;
        int synapsesPerAxon = 1;
        int outputAxons = 0;
        int profiles = 1;
        int thresholds = 1;
        int formats = 1;
        int delayBits = Loihi1Limits.DELAY_BITS_MIN;
        int maxDelayField = 0;

        Core compartments(int n) {
            compartments = n;
            return this;
        }

        Core inputAxons(int n) {
            inputAxons = n;
            return this;
        }

        Core synapsesPerAxon(int n) {
            synapsesPerAxon = n;
            return this;
        }

        Core outputAxons(int n) {
            outputAxons = n;
            return this;
        }

        Core profiles(int n) {
            profiles = n;
            return this;
        }

        Core thresholds(int n) {
            thresholds = n;
            return this;
        }

        Core formats(int n) {
            formats = n;
            return this;
        }

        Core delay(int bits, int field) {
            delayBits = bits;
            maxDelayField = field;
            return this;
        }

        Loihi1CoreConfig build(int id) {
            List<Loihi1CompartmentProfile> p = new ArrayList<>();
            for (int i = 0; i < profiles; i++) {
                p.add(Loihi1CompartmentProfile.lif(i, 0, 1));
            }
            List<Loihi1ThresholdProfile> t = new ArrayList<>();
            for (int i = 0; i < thresholds; i++) {
                t.add(new Loihi1ThresholdProfile(i + 1));
            }
            List<Loihi1SynapseFormatEntry> f = new ArrayList<>();
            for (int i = 0; i < formats; i++) {
                f.add(new Loihi1SynapseFormatEntry(i + 1, new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, 3,
                        0, Loihi1Limits.indexBitsCodeFor(Loihi1Limits.COMPARTMENTS_PER_CORE - 1),
                        Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, 2, 0)));
            }
            int n = inputAxons * synapsesPerAxon;
            int[] start = new int[inputAxons + 1];
            for (int a = 0; a <= inputAxons; a++) {
                start[a] = a * synapsesPerAxon;
            }
            byte[] fmt = new byte[n];
            java.util.Arrays.fill(fmt, (byte) 1);
            byte[] delay = new byte[n];
            if (n > 0) {
                delay[0] = (byte) maxDelayField;
            }
            short[] weight = new short[n];
            java.util.Arrays.fill(weight, (short) 1);
            Loihi1Synapses s = new Loihi1Synapses(inputAxons, start, fmt, new short[n], weight, delay);
            int[] zeros = new int[outputAxons];
            int[] ids = new int[outputAxons];
            java.util.Arrays.fill(ids, id);
            return new Loihi1CoreConfig(id, new Loihi1CoreSingletons(Loihi1Limits.VMIN_EXP_MAX, Loihi1Limits.VMAX_EXP_MAX,
                    1, 0, delayBits), p, t, new Loihi1Compartments(new int[compartments], new int[compartments],
                    new int[compartments], new int[compartments]), Loihi1TreeEdges.none(), f, s,
                    new Loihi1OutputAxons(zeros, zeros.clone(), ids, zeros.clone()));
        }
    }

    /** A config of the given cores, one per chip when {@code chipPerCore}, else all on chip 0. */
    static Loihi1Config config(List<Core> cores, boolean chipPerCore) {
        List<Loihi1ChipConfig> chips = new ArrayList<>();
        List<Loihi1CoreConfig> onChip0 = new ArrayList<>();
        int rows = 0;
        for (Core c : cores) {
            rows += c.compartments;
        }
        int[] chip = new int[rows];
        int[] core = new int[rows];
        int[] cx = new int[rows];
        int[] pop = new int[rows];
        int[] neuron = new int[rows];
        int[] name = new int[rows];
        int r = 0;
        for (int i = 0; i < cores.size(); i++) {
            Core c = cores.get(i);
            int chipId = chipPerCore ? i : 0;
            int coreId = chipPerCore ? 0 : i;
            Loihi1CoreConfig built = c.build(coreId);
            if (chipPerCore) {
                chips.add(new Loihi1ChipConfig(chipId, List.of(built)));
            } else {
                onChip0.add(built);
            }
            for (int k = 0; k < c.compartments; k++) {
                chip[r] = chipId;
                core[r] = coreId;
                cx[r] = k;
                neuron[r] = r;
                r++;
            }
        }
        if (!chipPerCore) {
            chips.add(new Loihi1ChipConfig(0, onChip0));
        }
        Loihi1Origin origin = new Loihi1Origin(List.of(new Loihi1Population("pop", rows)), List.of("soma"), chip, core,
                cx, pop, neuron, name);
        return new Loihi1Config(Loihi1System.ofChips(Math.max(1, chips.size())), Loihi1Arithmetic.NENGO_LOIHI, 1e-3,
                100, 0, chips, Loihi1SpikeStimuli.none(), Loihi1CurrentStimuli.none(), List.of(), origin);
    }

    /** The net of one core, its population declared on {@link #POPULATION_LINE}. */
    static MappedNet net(Core core) {
        return net(List.of(core), false, LoweringFacts.none());
    }

    static MappedNet net(List<Core> cores, boolean chipPerCore, LoweringFacts facts) {
        return MappedNet.of(config(cores, chipPerCore), facts, "Net", line(NETWORK_LINE), p -> line(POPULATION_LINE));
    }

    /** A net with one ordinary core and the given facts. */
    static MappedNet facts(LoweringFacts facts) {
        return net(List.of(new Core()), false, facts);
    }

    /** Facts builder: all lists empty but the one set. */
    static final class Facts {
        List<LoweringFacts.Model> models = List.of();
        List<LoweringFacts.Decay> decays = List.of();
        List<LoweringFacts.Refractory> refractories = List.of();
        List<LoweringFacts.Threshold> thresholds = List.of();
        List<LoweringFacts.Bias> biases = List.of();
        List<LoweringFacts.Init> inits = List.of();
        List<LoweringFacts.Coupling> couplings = List.of();
        List<LoweringFacts.Weights> weights = List.of();
        List<LoweringFacts.Plasticity> plasticity = List.of();
        List<LoweringFacts.Delay> delays = List.of();
        List<LoweringFacts.Modulation> modulation = List.of();
        List<LoweringFacts.Stimulus> stimuli = List.of();
        List<LoweringFacts.Probe> probes = List.of();

        LoweringFacts build() {
            return new LoweringFacts(models, decays, refractories, thresholds, biases, inits, couplings, weights,
                    plasticity, delays, modulation, stimuli, probes);
        }
    }
}
