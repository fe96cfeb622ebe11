package io.neuromap.emulator.reference;

import io.neuromap.backends.npy.NpyDtype;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.NeuronRange;
import io.neuromap.compiler.ir.Population;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.Projection;
import io.neuromap.emulator.record.ProbeRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the network's probes to recorders and samples them at the end of every step that is a
 * multiple of their period (step 0 included), in SI units:
 * <ul>
 *   <li>{@code state(x)}: state variable x of each target neuron ({@code v} of a multi-compartment
 *       target means the targeted compartment's, e.g. {@code dendrite.v});</li>
 *   <li>{@code modulator(M)}: M's concentration, one column per target neuron;</li>
 *   <li>{@code weights}: the weight magnitude of every synapse ending on the target neurons, one
 *       column per synapse, numbered network-wide (projections in declaration order, each in its
 *       CSR order);</li>
 *   <li>{@code spikes}: not sampled here; spikes go to the run's spike recorder.</li>
 * </ul>
 * Recorders are named after their probes; a name already taken (the IR names unnamed probes
 * {@code <kind>_<population>}, so two unnamed state probes of one population clash) gets the
 * suffix {@code _2}, {@code _3}, ... in declaration order, so that every probe file is distinct.
 */
final class ProbeSet {
    private interface Sampler {
        void sample(ProbeRecorder recorder);
    }

    private final List<ProbeRecorder> recorders = new ArrayList<>();
    private final List<Sampler> samplers = new ArrayList<>();
    private final List<NeuronRange> spikeTargets = new ArrayList<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    ProbeSet(Network network, NeuronKernel[] kernels, ModulatorDynamics modulators, SynapseDelivery[] deliveries) {
        for (Probe probe : network.probes()) {
            NeuronRange r = probe.target();
            Population pop = network.populations().get(r.population());
            switch (probe.kind()) {
                case "spikes" -> spikeTargets.add(r);
                case "state" -> state(probe, pop, kernels[r.population()]);
                case "modulator" -> modulator(network, probe, modulators);
                case "weights" -> weights(network, probe, deliveries);
                default -> throw new IllegalArgumentException("probe " + probe.name() + ": unknown kind " + probe.kind());
            }
        }
    }

    private void state(Probe probe, Population pop, NeuronKernel kernel) {
        NeuronRange r = probe.target();
        String variable = probe.variable().orElseThrow(() -> new IllegalArgumentException("probe " + probe.name()
                + " names no state variable"));
        int index = kernel.stateIndex(variable);
        String qualified = variable;
        if (index < 0 && pop.model().isMultiCompartment() && !variable.contains(".")) {
            qualified = r.compartment() + "." + variable;
            index = kernel.stateIndex(qualified);
        }
        if (index < 0) {
            throw new IllegalArgumentException("probe " + probe.name() + ": population " + pop.name() + " ("
                    + pop.model().name() + ") has no state variable " + variable);
        }
        final int state = index;
        int[] columns = range(r.globalStart(), r.size());
        add(new ProbeRecorder(unique(probe.name()), "state", qualified, kernel.stateUnit(index), columns, probe.everySteps(),
                NpyDtype.FLOAT64), rec -> {
                    for (int i = r.localStart(); i < r.localEnd(); i++) {
                        rec.put(kernel.state(state, i));
                    }
                });
    }

    private void modulator(Network network, Probe probe, ModulatorDynamics modulators) {
        String name = probe.variable().orElseThrow(() -> new IllegalArgumentException("probe " + probe.name()
                + " names no modulator"));
        int m = network.modulatorIndex(name);
        if (m < 0) {
            throw new IllegalArgumentException("probe " + probe.name() + ": unknown modulator " + name);
        }
        NeuronRange r = probe.target();
        double[] concentration = modulators.concentrations();
        add(new ProbeRecorder(unique(probe.name()), "modulator", name, "1", range(r.globalStart(), r.size()), probe.everySteps(),
                NpyDtype.FLOAT64), rec -> {
                    double value = concentration[m];
                    for (int i = 0; i < r.size(); i++) {
                        rec.put(value);
                    }
                });
    }

    private void weights(Network network, Probe probe, SynapseDelivery[] deliveries) {
        NeuronRange r = probe.target();
        List<Integer> projections = new ArrayList<>();
        List<int[]> synapses = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        long base = 0;
        for (int j = 0; j < network.projections().size(); j++) {
            Projection p = network.projections().get(j);
            if (p.post() == r.population()) {
                List<Integer> ks = new ArrayList<>();
                for (int k = 0; k < p.synapseCount(); k++) {
                    int t = p.synapses().target(k);
                    if (t >= r.localStart() && t < r.localEnd()) {
                        ks.add(k);
                        long id = base + k;
                        if (id > Integer.MAX_VALUE) {
                            throw new IllegalArgumentException("probe " + probe.name() + ": synapse numbers beyond 2^31");
                        }
                        columns.add((int) id);
                    }
                }
                projections.add(j);
                synapses.add(ks.stream().mapToInt(Integer::intValue).toArray());
            }
            base += p.synapseCount();
        }
        int[] cols = columns.stream().mapToInt(Integer::intValue).toArray();
        SynapseDelivery[] sources = new SynapseDelivery[projections.size()];
        for (int q = 0; q < sources.length; q++) {
            sources[q] = deliveries[projections.get(q)];
        }
        int[][] picked = synapses.toArray(new int[0][]);
        add(new ProbeRecorder(unique(probe.name()), "weights", "w", "A", cols, probe.everySteps(), NpyDtype.FLOAT64), rec -> {
            for (int q = 0; q < sources.length; q++) {
                for (int k : picked[q]) {
                    rec.put(sources[q].weight(k));
                }
            }
        });
    }

    private void add(ProbeRecorder recorder, Sampler sampler) {
        recorders.add(recorder);
        samplers.add(sampler);
    }

    /** The probe's name, or the first free {@code name_k} (k = 2, 3, ...) when another probe has it. */
    private String unique(String name) {
        String out = name;
        for (int k = 2; !names.add(out); k++) {
            out = name + "_" + k;
        }
        return out;
    }

    private static int[] range(int start, int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = start + i;
        }
        return out;
    }

    /** Samples every probe that is due in {@code step}. */
    void sample(long step) {
        for (int i = 0, n = recorders.size(); i < n; i++) {
            ProbeRecorder rec = recorders.get(i);
            if (rec.due(step)) {
                rec.begin(step);
                samplers.get(i).sample(rec);
            }
        }
    }

    List<ProbeRecorder> recorders() {
        return recorders;
    }

    /** The neurons named by {@code spikes} probes. */
    List<NeuronRange> spikeTargets() {
        return spikeTargets;
    }
}
