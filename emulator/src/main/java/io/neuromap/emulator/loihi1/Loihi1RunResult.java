package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.ProbeRecorder;
import java.util.List;

/**
 * What a run produced: the probe traces, the spike raster, the overflow counts, and the work done,
 * all in primitive arrays. Everything but {@code threads} and {@code wallNanos} is the same for
 * any thread count.
 *
 * @param steps steps computed
 * @param threads threads that stepped the cores
 * @param traces one trace per config probe, in config order
 * @param spikes every spike
 * @param overflows overflow counts per kind
 * @param synapticEvents synapses reached by delivered spikes
 * @param compartmentUpdates compartment updates ({@code steps} times the compartment count)
 * @param wallNanos wall time of the stepping, in nanoseconds
 * @param weights one trace per weight probe of the config's learning section, in config order
 * @param modulatorProbes the modulator probes' recordings (concentrations, already as numbers)
 */
public record Loihi1RunResult(int steps, int threads, List<Loihi1ProbeTrace> traces, Loihi1SpikeRaster spikes,
        Loihi1OverflowCounts overflows, long synapticEvents, long compartmentUpdates, long wallNanos,
        List<Loihi1WeightTrace> weights, List<ProbeRecorder> modulatorProbes) {

    /** A result without modulator probes. */
    public Loihi1RunResult(int steps, int threads, List<Loihi1ProbeTrace> traces, Loihi1SpikeRaster spikes,
            Loihi1OverflowCounts overflows, long synapticEvents, long compartmentUpdates, long wallNanos,
            List<Loihi1WeightTrace> weights) {
        this(steps, threads, traces, spikes, overflows, synapticEvents, compartmentUpdates, wallNanos, weights,
                List.of());
    }

    public Loihi1RunResult {
        weights = List.copyOf(requireNonNull(weights, "weights is null"));
        traces = List.copyOf(requireNonNull(traces, "traces is null"));
        modulatorProbes = List.copyOf(requireNonNull(modulatorProbes, "modulatorProbes is null"));
        requireNonNull(spikes, "spikes is null");
        requireNonNull(overflows, "overflows is null");
    }

    /** A result without weight probes. */
    public Loihi1RunResult(int steps, int threads, List<Loihi1ProbeTrace> traces, Loihi1SpikeRaster spikes,
            Loihi1OverflowCounts overflows, long synapticEvents, long compartmentUpdates, long wallNanos) {
        this(steps, threads, traces, spikes, overflows, synapticEvents, compartmentUpdates, wallNanos, List.of());
    }

    /** The trace of the probe named {@code name}. */
    public Loihi1ProbeTrace trace(String name) {
        for (Loihi1ProbeTrace trace : traces) {
            if (trace.name().equals(name)) {
                return trace;
            }
        }
        throw new IllegalArgumentException("no probe named '" + name + "'");
    }
}
