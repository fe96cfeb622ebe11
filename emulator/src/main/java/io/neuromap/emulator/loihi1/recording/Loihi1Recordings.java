package io.neuromap.emulator.loihi1.recording;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.PopulationLowering;
import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.compiler.ir.Population;
import io.neuromap.emulator.loihi1.Loihi1OverflowCounts;
import io.neuromap.emulator.loihi1.Loihi1ProbeTrace;
import io.neuromap.emulator.loihi1.Loihi1RunResult;
import io.neuromap.emulator.loihi1.Loihi1SpikeRaster;
import io.neuromap.emulator.record.ProbeRecorder;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import io.neuromap.emulator.record.SpikeRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A Loihi 1 run as a {@link Recording}, the shape the float reference also produces, so that
 * {@code emulate} writes the same files ({@code spikes.npy}, {@code probe_<name>.npy},
 * {@code summary.json}) and {@code validate} compares like with like. Compartments become
 * neurons through the origin table ({@link Loihi1NeuronMap}); probes keep the chip's integers
 * ({@code int32}), one column per probed compartment, named by its neuron. Spike probes are left
 * out: their spikes are among every spike of the run ({@code spikes.npy}), and as a probe file they
 * would be a dense 0/1 matrix.
 *
 * <p>The summary lists the populations that have compartments on the chip; spike sources the
 * host injects are not recorded by the chip and are left out. Its counters are the overflow
 * counts per register ({@code overflow_q0}, {@code overflow_current}, {@code overflow_u2},
 * {@code overflow_join}), the compartment updates and, for a config with a management program,
 * its register writes ({@code modulation_register_writes}); all are the same for any thread count.
 */
public final class Loihi1Recordings {

    /** The origin's name of the compartment that holds a neuron's membrane voltage. */
    private static final String SOMA = "soma";
    /** The origin's name of a {@code two_comp} neuron's dendrite compartment. */
    private static final String DENDRITE = "dendrite";

    /** The unit written for probed chip integers. */
    public static final String CHIP_UNIT = "chip integer";

    private Loihi1Recordings() {
    }

    /** The recording of {@code result}, a run of {@code config}, with every probe in chip integers. */
    public static Recording of(Loihi1Config config, Loihi1NeuronMap neurons, Loihi1RunResult result) {
        return build(config, neurons, result, null);
    }

    /**
     * As {@link #of}, but each probe of soma voltages in volts ({@code float64}, unit {@code V}),
     * converted with the scales {@code lowering} chose for every neuron
     * ({@link PopulationLowering#modelVoltage}): how {@code validate} sets the emulator's voltages
     * beside the float reference's. Other probes stay chip integers.
     */
    public static Recording inModelUnits(Loihi1Config config, Loihi1NeuronMap neurons, Loihi1RunResult result,
            Loihi1Lowering lowering) {
        return build(config, neurons, result, requireNonNull(lowering, "lowering is null"));
    }

    private static Recording build(Loihi1Config config, Loihi1NeuronMap neurons, Loihi1RunResult result,
            Loihi1Lowering lowering) {
        requireNonNull(config, "config is null");
        requireNonNull(neurons, "neurons is null");
        requireNonNull(result, "result is null");
        long[] perPopulation = new long[neurons.populationCount()];
        SpikeRecorder spikes = spikes(result.spikes(), neurons, perPopulation);
        List<ProbeRecorder> probes = new ArrayList<>();
        for (Loihi1ProbeTrace trace : result.traces()) {
            if (trace.variable() == Loihi1ProbeVariable.SPIKES) {
                // Every spike is in the spike recorder already; a probe file would be its 0/1 matrix.
                continue;
            }
            ProbeRecorder volts = lowering == null ? null : volts(trace, neurons, lowering);
            probes.add(volts != null ? volts : probe(trace, neurons));
        }
        probes.addAll(result.modulatorProbes());
        for (io.neuromap.emulator.loihi1.Loihi1WeightTrace w : result.weights()) {
            probes.add(weights(w));
        }
        List<RunSummary.PopulationSummary> populations = new ArrayList<>();
        for (int p : neurons.onChipPopulations()) {
            populations.add(new RunSummary.PopulationSummary(neurons.population(p).name(),
                    model(neurons, p), neurons.offset(p), neurons.population(p).size(), perPopulation[p]));
        }
        Loihi1OverflowCounts overflows = result.overflows();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("overflow_q0", overflows.q0());
        counters.put("overflow_current", overflows.current());
        counters.put("overflow_u2", overflows.u2());
        counters.put("overflow_join", overflows.join());
        counters.put("compartment_updates", result.compartmentUpdates());
        if (!config.modulation().isEmpty()) {
            // The management program's cost: its register writes, before step 0 and after every step.
            counters.put("modulation_register_writes",
                    config.modulation().registerWritesPerManagement() * (result.steps() + 1L));
        }
        RunSummary summary = new RunSummary(engine(config), result.steps(), config.dt(), populations,
                result.synapticEvents(), counters, OptionalDouble.of(result.wallNanos() * 1e-9));
        return new Recording(spikes, probes, summary);
    }

    /** The engine named in the summary: {@code loihi1/nengo-loihi} or {@code loihi1/lava}. */
    public static String engine(Loihi1Config config) {
        return "loihi1/" + config.arithmetic().jsonName();
    }

    /** How a population is realized: its compartments per neuron, e.g. {@code loihi1 soma+aux}. */
    private static String model(Loihi1NeuronMap neurons, int p) {
        int size = neurons.population(p).size();
        int per = size == 0 ? 0 : neurons.compartments(p) / size;
        return "loihi1 " + per + (per == 1 ? " compartment" : " compartments");
    }

    /**
     * The raster as (step, neuron) pairs sorted by step, then neuron: the raster's own order is by
     * core, which is not the neurons' order once a population spans cores.
     */
    private static SpikeRecorder spikes(Loihi1SpikeRaster raster, Loihi1NeuronMap neurons, long[] perPopulation) {
        SpikeRecorder out = new SpikeRecorder();
        int n = raster.count();
        int[] step = raster.step();
        int[] neuron = new int[n];
        for (int k = 0; k < n; k++) {
            int row = neurons.row(raster.chip()[k], raster.core()[k], raster.compartment()[k]);
            if (row < 0) {
                throw new IllegalStateException("spike of chip " + raster.chip()[k] + ", core " + raster.core()[k]
                        + ", compartment " + raster.compartment()[k] + " has no origin row");
            }
            neuron[k] = neurons.neuronOfRow(row);
            perPopulation[neurons.populationOfRow(row)]++;
        }
        int from = 0;
        while (from < n) {
            int to = from;
            while (to < n && step[to] == step[from]) {
                to++;
            }
            Arrays.sort(neuron, from, to);
            for (int k = from; k < to; k++) {
                out.record(step[k], neuron[k]);
            }
            from = to;
        }
        return out;
    }

    private static ProbeRecorder probe(Loihi1ProbeTrace trace, Loihi1NeuronMap neurons) {
        int columns = trace.columns();
        int[] neuron = new int[columns];
        for (int j = 0; j < columns; j++) {
            neuron[j] = neurons.neuron(trace.chip()[j], trace.core()[j], trace.compartment()[j]);
            if (neuron[j] < 0) {
                throw new IllegalStateException("probe " + trace.name() + " column " + j + " has no origin row");
            }
        }
        ProbeRecorder out = new ProbeRecorder(trace.name(), "state", trace.variable().jsonName(),
                CHIP_UNIT, neuron, trace.every(), NpyDtype.INT32);
        for (int r = 0; r < trace.rows(); r++) {
            out.begin(trace.stepOfRow(r));
            for (int j = 0; j < columns; j++) {
                out.put(trace.value(r, j));
            }
        }
        return out;
    }

    /**
     * A weight probe of the learning section: weight mantissas, one column per probed synapse in
     * the probe's order (core by core, each core's synapses in synapse order).
     */
    private static ProbeRecorder weights(io.neuromap.emulator.loihi1.Loihi1WeightTrace trace) {
        int[] columns = new int[trace.columns()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = j;
        }
        ProbeRecorder out = new ProbeRecorder(trace.name(), "weights", "w", CHIP_UNIT + " (weight mantissa)", columns,
                trace.every(), NpyDtype.INT32);
        for (int r = 0; r < trace.rows(); r++) {
            out.begin(trace.stepOfRow(r));
            for (int v : trace.values()[r]) {
                out.put(v);
            }
        }
        return out;
    }

    /**
     * The probe in volts, or null unless it records the voltages of somas, or of dendrites, only. A
     * soma's chip voltage is {@code voltageScale (V - v_reset)} ({@link PopulationLowering#modelVoltage});
     * a {@code two_comp} dendrite's is the current it pushes into the soma, {@code g_c (V_d - E_d)}
     * at the soma's current scale ({@code DendriteCoupling.dendriteCurrentScale}), so
     * {@code V_d = E_d + v / (currentScale_soma g_c)}.
     */
    private static ProbeRecorder volts(Loihi1ProbeTrace trace, Loihi1NeuronMap neurons, Loihi1Lowering lowering) {
        if (trace.variable() != Loihi1ProbeVariable.VOLTAGE) {
            return null;
        }
        Map<String, PopulationLowering> byName = new HashMap<>();
        for (PopulationLowering p : lowering.populations()) {
            byName.put(p.name(), p);
        }
        int columns = trace.columns();
        int[] neuron = new int[columns];
        int[] local = new int[columns];
        PopulationLowering[] scale = new PopulationLowering[columns];
        double[] rest = new double[columns];
        double[] perVolt = new double[columns];
        String compartment = null;
        for (int j = 0; j < columns; j++) {
            int row = neurons.row(trace.chip()[j], trace.core()[j], trace.compartment()[j]);
            String name = row < 0 ? null : neurons.compartmentNameOfRow(row);
            if (name == null || !(SOMA.equals(name) || DENDRITE.equals(name))
                    || (compartment != null && !compartment.equals(name))) {
                return null;
            }
            compartment = name;
            int p = neurons.populationOfRow(row);
            scale[j] = byName.get(neurons.population(p).name());
            if (scale[j] == null) {
                return null;
            }
            neuron[j] = neurons.neuronOfRow(row);
            local[j] = neuron[j] - neurons.offset(p);
            if (DENDRITE.equals(name)) {
                Population pop = lowering.network().populations().get(scale[j].population());
                var eD = pop.parameter("dendrite.v_rest");
                var gc = pop.parameter("g_c");
                if (eD.isEmpty() || gc.isEmpty()) {
                    return null;
                }
                rest[j] = eD.get().get(local[j]);
                perVolt[j] = scale[j].currentScale(scale[j].shape().somaPosition(), local[j]) * gc.get().get(local[j]);
                if (!(perVolt[j] != 0)) {
                    return null;
                }
            }
        }
        boolean dendrite = DENDRITE.equals(compartment);
        ProbeRecorder out = new ProbeRecorder(trace.name(), "state", dendrite ? "dendrite.v" : "v", "V", neuron,
                trace.every(), NpyDtype.FLOAT64);
        for (int r = 0; r < trace.rows(); r++) {
            out.begin(trace.stepOfRow(r));
            for (int j = 0; j < columns; j++) {
                out.put(dendrite ? rest[j] + trace.value(r, j) / perVolt[j]
                        : scale[j].modelVoltage(local[j], trace.value(r, j)));
            }
        }
        return out;
    }
}
