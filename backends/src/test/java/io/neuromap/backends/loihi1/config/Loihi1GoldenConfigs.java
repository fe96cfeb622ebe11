package io.neuromap.backends.loihi1.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.Loihi1SynapseFormat;
import io.neuromap.backends.loihi1.Loihi1System;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the Loihi 1 golden files into configs, exactly as docs/config-loihi1.md ("Golden
 * traces") describes: Lava LIF groups fed through {@code a_in} become current stimuli on the
 * {@code lava_raw} scale; Lava Dense to LIF becomes an input axon per presynaptic neuron with the
 * raw weights, sign mode, weight bits and weight exponent of the Dense, and spike stimuli; the
 * nengo-loihi block becomes per-compartment profiles with full-scale bias split into mantissa and
 * exponent, and its signed 8-bit weights an excitatory and an inhibitory synapse format.
 */
final class Loihi1GoldenConfigs {

    static final List<String> PROBED = List.of("synaptic_input", "current", "voltage", "spikes");

    private Loihi1GoldenConfigs() {
    }

    /** Lava {@code PyLifModelBitAcc} groups: one core per group, a_in as lava_raw current. */
    static Loihi1Config lavaLif(JsonNode golden) {
        int steps = golden.get("n_steps").asInt();
        List<Loihi1CoreConfig> cores = new ArrayList<>();
        Table current = new Table(5);
        Table origin = new Table(6);
        List<Loihi1Population> populations = new ArrayList<>();
        JsonNode groups = golden.get("groups");
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            JsonNode p = group.get("params");
            int n = p.get("bias_mant").size();
            int[] bias = ints(p.get("bias_mant"));
            int[] biasExp = ints(p.get("bias_exp"));
            cores.add(new Loihi1CoreConfig(g, Loihi1CoreSingletons.lava(),
                    List.of(Loihi1CompartmentProfile.lif(p.get("du").asInt(), p.get("dv").asInt(),
                            Loihi1Limits.REFRACTORY_DELAY_MIN)),
                    List.of(new Loihi1ThresholdProfile(p.get("vth").asInt())),
                    new Loihi1Compartments(new int[n], new int[n], bias, biasExp), Loihi1TreeEdges.none(), List.of(),
                    Loihi1Synapses.empty(0), Loihi1OutputAxons.none()));
            for (int i = 0; i < n; i++) {
                origin.add(0, g, i, g, i, 0);
            }
            populations.add(new Loihi1Population("group" + g, n));
        }
        // Current rows are ordered by step, then by core and compartment.
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
        return config(Loihi1System.SINGLE_CHIP, Loihi1Arithmetic.LAVA, steps, cores, Loihi1SpikeStimuli.none(),
                new Loihi1CurrentStimuli(Loihi1CurrentScale.LAVA_RAW, c[0], c[1], c[2], c[3], c[4]), populations,
                origin);
    }

    /** Lava Dense to LIF: input axon i = presynaptic neuron i, weights as given. */
    static Loihi1Config lavaDense(JsonNode golden) {
        int steps = golden.get("n_steps").asInt();
        JsonNode dense = golden.get("dense");
        JsonNode lif = golden.get("lif");
        JsonNode weights = dense.get("weights");
        int post = weights.size();
        int pre = weights.get(0).size();
        Loihi1SignMode mode = Loihi1SignMode.valueOf(dense.get("sign_mode").asText());
        int bits = dense.get("num_weight_bits").asInt();
        Loihi1SynapseFormatEntry format = new Loihi1SynapseFormatEntry(1, new Loihi1SynapseFormat(
                Loihi1SynapseFormatEntry.weightBitsCode(bits), 0, 0, Loihi1SynapseFormatEntry.indexBitsCode(6),
                Loihi1Limits.COMPRESSION_SPARSE, Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, mode.code(),
                dense.get("weight_exp").asInt()));
        int[] start = new int[pre + 1];
        byte[] fmt = new byte[pre * post];
        short[] target = new short[pre * post];
        short[] weight = new short[pre * post];
        for (int i = 0; i < pre; i++) {
            start[i + 1] = start[i] + post;
            for (int j = 0; j < post; j++) {
                fmt[i * post + j] = 1;
                target[i * post + j] = (short) j;
                weight[i * post + j] = (short) weights.get(j).get(i).asInt();
            }
        }
        Loihi1CoreConfig core = new Loihi1CoreConfig(0, Loihi1CoreSingletons.lava(),
                List.of(Loihi1CompartmentProfile.lif(lif.get("du").asInt(), lif.get("dv").asInt(),
                        Loihi1Limits.REFRACTORY_DELAY_MIN)),
                List.of(new Loihi1ThresholdProfile(lif.get("vth").asInt())),
                new Loihi1Compartments(new int[post], new int[post], ints(lif.get("bias_mant")),
                        ints(lif.get("bias_exp"))),
                Loihi1TreeEdges.none(), List.of(format),
                new Loihi1Synapses(pre, start, fmt, target, weight, new byte[pre * post]), Loihi1OutputAxons.none());
        Table spikes = new Table(4);
        JsonNode in = golden.get("spikes_in");
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < pre; i++) {
                if (in.get(k).get(i).asInt() != 0) {
                    spikes.add(k, 0, 0, i);
                }
            }
        }
        Table origin = new Table(6);
        for (int j = 0; j < post; j++) {
            origin.add(0, 0, j, 0, j, 0);
        }
        int[][] s = spikes.columns();
        return config(Loihi1System.SINGLE_CHIP, Loihi1Arithmetic.LAVA, steps, List.of(core),
                new Loihi1SpikeStimuli(s[0], s[1], s[2], s[3]), Loihi1CurrentStimuli.none(),
                List.of(new Loihi1Population("lif", post)), origin);
    }

    /**
     * The nengo-loihi block: a profile per distinct (decay_u, decay_v, refract_delay), a threshold
     * profile per distinct vth, full-scale bias as mantissa and exponent, signed full-scale weights
     * as 8-bit excitatory (format 1) and inhibitory (format 2) mantissas at weight exponent 0, and
     * SpikeInput spikes of time t as stimuli of step t - 1 (delivered at trace index t).
     */
    static Loihi1Config nengoLoihi(JsonNode golden) {
        int steps = golden.get("n_steps").asInt();
        JsonNode block = golden.get("blocks").get(0);
        int n = block.get("n").asInt();
        List<Loihi1CompartmentProfile> profiles = new ArrayList<>();
        List<Loihi1ThresholdProfile> thresholds = new ArrayList<>();
        int[] cx = new int[n];
        int[] vth = new int[n];
        int[] mant = new int[n];
        int[] exp = new int[n];
        for (int i = 0; i < n; i++) {
            cx[i] = intern(profiles, Loihi1CompartmentProfile.lif(block.get("decay_u").get(i).asInt(),
                    block.get("decay_v").get(i).asInt(), block.get("refract_delay").get(i).asInt()));
            int full = block.get("vth").get(i).asInt();
            if (full % (1 << Loihi1Limits.VTH_EXP) != 0) {
                throw new IllegalArgumentException("vth " + full + " is not a mantissa << 6");
            }
            vth[i] = intern(thresholds, new Loihi1ThresholdProfile(full >> Loihi1Limits.VTH_EXP));
            long bias = block.get("bias").get(i).asLong();
            int e = Loihi1Limits.BIAS_EXP_MIN;
            while (Math.abs(bias >> e) > Loihi1Limits.BIAS_MANTISSA_MAX || (bias >> e) << e != bias) {
                e++;
            }
            mant[i] = (int) (bias >> e);
            exp[i] = e;
        }
        Loihi1CoreSingletons singletons = new Loihi1CoreSingletons(exponent(block.get("vmin").asLong(), true),
                exponent(block.get("vmax").asLong(), false), Loihi1Limits.DECAY_U_OFFSET, Loihi1Limits.DECAY_V_OFFSET,
                Loihi1Limits.DELAY_BITS_MIN);
        JsonNode weights = golden.get("connections").get(0).get("weights");
        int axons = weights.size();
        int scale = 1 << Loihi1Limits.ACTIVATION_SHIFT;
        List<int[]> rows = new ArrayList<>();
        int[] start = new int[axons + 1];
        for (int a = 0; a < axons; a++) {
            for (int c = 0; c < n; c++) {
                int w = weights.get(a).get(c).asInt();
                if (w % scale != 0) {
                    throw new IllegalArgumentException("weight " + w + " is not a multiple of 64");
                }
                if (w != 0) {
                    rows.add(new int[] {w > 0 ? 1 : 2, c, w / scale});
                }
            }
            start[a + 1] = rows.size();
        }
        byte[] fmt = new byte[rows.size()];
        short[] target = new short[rows.size()];
        short[] weight = new short[rows.size()];
        for (int s = 0; s < rows.size(); s++) {
            fmt[s] = (byte) rows.get(s)[0];
            target[s] = (short) rows.get(s)[1];
            weight[s] = (short) rows.get(s)[2];
        }
        Loihi1CoreConfig core = new Loihi1CoreConfig(0, singletons, profiles, thresholds,
                new Loihi1Compartments(cx, vth, mant, exp), Loihi1TreeEdges.none(),
                List.of(signed(1, Loihi1SignMode.EXCITATORY), signed(2, Loihi1SignMode.INHIBITORY)),
                new Loihi1Synapses(axons, start, fmt, target, weight, new byte[rows.size()]), Loihi1OutputAxons.none());
        Table spikes = new Table(4);
        for (JsonNode event : golden.get("inputs").get(0).get("spikes")) {
            int t = event.get(0).asInt();
            if (t < 1) {
                throw new IllegalArgumentException("SpikeInput time " + t + " has no step before it");
            }
            for (JsonNode axon : event.get(1)) {
                spikes.add(t - 1, 0, 0, axon.asInt());
            }
        }
        Table origin = new Table(6);
        for (int i = 0; i < n; i++) {
            origin.add(0, 0, i, 0, i, 0);
        }
        int[][] s = spikes.columns();
        return config(Loihi1System.SINGLE_CHIP, Loihi1Arithmetic.NENGO_LOIHI, steps, List.of(core),
                new Loihi1SpikeStimuli(s[0], s[1], s[2], s[3]), Loihi1CurrentStimuli.none(),
                List.of(new Loihi1Population(block.get("label").asText(), n)), origin);
    }

    private static Loihi1SynapseFormatEntry signed(int id, Loihi1SignMode mode) {
        return new Loihi1SynapseFormatEntry(id, new Loihi1SynapseFormat(Loihi1Limits.WEIGHT_BITS_CODE_MAX, 0, 0,
                Loihi1SynapseFormatEntry.indexBitsCode(6), Loihi1Limits.COMPRESSION_SPARSE,
                Loihi1Limits.SYNAPSES_PER_CHUNK_FIELD_MAX, mode.code(), 0));
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

    private static <T> int intern(List<T> table, T value) {
        int index = table.indexOf(value);
        if (index >= 0) {
            return index;
        }
        table.add(value);
        return table.size() - 1;
    }

    private static Loihi1Config config(Loihi1System system, Loihi1Arithmetic arithmetic, int steps,
            List<Loihi1CoreConfig> cores, Loihi1SpikeStimuli spikes, Loihi1CurrentStimuli current,
            List<Loihi1Population> populations, Table origin) {
        List<Loihi1Probe> probes = new ArrayList<>();
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
        for (Loihi1ProbeVariable variable : Loihi1ProbeVariable.values()) {
            probes.add(new Loihi1Probe(variable.jsonName(), variable, 1, chip, coreIds, compartment));
        }
        int[][] o = origin.columns();
        return new Loihi1Config(system, arithmetic, 0.001, steps, 0, List.of(new Loihi1ChipConfig(0, cores)), spikes,
                current, probes, new Loihi1Origin(populations, List.of("soma"), o[0], o[1], o[2], o[3], o[4], o[5]));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** A growable table of int rows, turned into columns at the end. */
    private static final class Table {
        private final int width;
        private final List<int[]> rows = new ArrayList<>();

        Table(int width) {
            this.width = width;
        }

        void add(int... row) {
            rows.add(row);
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

    /** The converters by golden-file name; files of other kinds have none. */
    static Map<String, java.util.function.Function<JsonNode, Loihi1Config>> byName() {
        Map<String, java.util.function.Function<JsonNode, Loihi1Config>> map = new HashMap<>();
        map.put("lava_lif_impulse", Loihi1GoldenConfigs::lavaLif);
        map.put("lava_lif_random200", Loihi1GoldenConfigs::lavaLif);
        map.put("lava_dense_lif_mixed", Loihi1GoldenConfigs::lavaDense);
        map.put("nengo_loihi_lif_input", Loihi1GoldenConfigs::nengoLoihi);
        return map;
    }
}
