package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.frontend.SimulationSettings;
import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * An elaborated network: the output of elaboration and the input of lowering, mapping, the float
 * reference and {@code inspect}. Everything is concrete: neurons with their parameters, synapses
 * in CSR form, modulators, pathways bound to index ranges, stimuli and probes. Objects refer to
 * each other by index into these lists (populations by declaration order, and so on), never by
 * pointer, so the IR serialises and digests plainly. Immutable.
 *
 * @param targets the names of the root file's {@code target} blocks, in order
 */
public record Network(String name, SourceSpan span, SimulationSettings simulation, List<Population> populations,
        List<Projection> projections, List<Modulator> modulators, List<PathwayBinding> pathways,
        List<Stimulus> stimuli, List<Probe> probes, List<String> targets) {
    public Network {
        requireNonNull(name, "name is null");
        requireNonNull(span, "span is null");
        requireNonNull(simulation, "simulation is null");
        populations = List.copyOf(requireNonNull(populations, "populations is null"));
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
        modulators = List.copyOf(requireNonNull(modulators, "modulators is null"));
        pathways = List.copyOf(requireNonNull(pathways, "pathways is null"));
        stimuli = List.copyOf(requireNonNull(stimuli, "stimuli is null"));
        probes = List.copyOf(requireNonNull(probes, "probes is null"));
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }

    /** Total neurons over all populations. */
    public int neuronCount() {
        if (populations.isEmpty()) {
            return 0;
        }
        Population last = populations.get(populations.size() - 1);
        return last.offset() + last.size();
    }

    /** Total synapses over all projections. */
    public long synapseCount() {
        long n = 0;
        for (Projection p : projections) {
            n += p.synapseCount();
        }
        return n;
    }

    /** The index of a population, or -1. */
    public int populationIndex(String populationName) {
        for (int i = 0; i < populations.size(); i++) {
            if (populations.get(i).name().equals(populationName)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Population> population(String populationName) {
        int i = populationIndex(populationName);
        return i < 0 ? Optional.empty() : Optional.of(populations.get(i));
    }

    /** The index of a projection, or -1. */
    public int projectionIndex(String projectionName) {
        for (int i = 0; i < projections.size(); i++) {
            if (projections.get(i).name().equals(projectionName)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Projection> projection(String projectionName) {
        int i = projectionIndex(projectionName);
        return i < 0 ? Optional.empty() : Optional.of(projections.get(i));
    }

    /** The index of a modulator, or -1. */
    public int modulatorIndex(String modulatorName) {
        for (int i = 0; i < modulators.size(); i++) {
            if (modulators.get(i).name().equals(modulatorName)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the population holding global neuron {@code global}. */
    public int populationOf(int global) {
        int lo = 0;
        int hi = populations.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Population p = populations.get(mid);
            if (global < p.offset()) {
                hi = mid - 1;
            } else if (global >= p.offset() + p.size()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        throw new IndexOutOfBoundsException("neuron " + global + " out of bounds for " + neuronCount());
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + populations.size() + " populations, " + neuronCount() + " neurons, "
                + projections.size() + " projections, " + synapseCount() + " synapses]";
    }
}
