package io.neuromap.compiler.mapping;

import io.neuromap.compiler.ir.ListParameterValues;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.ParameterValues;
import io.neuromap.compiler.ir.Population;
import java.util.Optional;

/**
 * The expected firing rate of every neuron, which weights spike traffic: a Poisson source's
 * {@code rate}, a spike-times source's spike count over the run, and for every other neuron
 * (whose rate only a simulation would tell) an assumed default. Traffic is kept in integer
 * milli-spikes per second ({@link #SCALE} per Hz), so that the partitioner's sums are exact and
 * moves can be undone without rounding drift.
 */
public final class SpikeRates {
    /** Integer traffic units per spike per second. */
    public static final long SCALE = 1000;

    private SpikeRates() {
    }

    /** Per network-global neuron, the expected rate in units of 1/{@link #SCALE} Hz. */
    public static long[] weights(Network network, double defaultRateHz) {
        if (!(defaultRateHz >= 0) || Double.isInfinite(defaultRateHz)) {
            throw new IllegalArgumentException("default rate must be finite and >= 0, got " + defaultRateHz);
        }
        long[] w = new long[network.neuronCount()];
        long fallback = Math.round(defaultRateHz * SCALE);
        double duration = network.simulation().duration();
        for (Population p : network.populations()) {
            Optional<ParameterValues> rate = p.isSource() ? p.parameter("rate") : Optional.empty();
            ListParameterValues times = p.isSource() ? p.listParameters().get("times") : null;
            for (int i = 0; i < p.size(); i++) {
                double hz;
                if (rate.isPresent()) {
                    hz = rate.get().get(i);
                } else if (times != null && duration > 0) {
                    hz = times.length(i) / duration;
                } else {
                    w[p.offset() + i] = fallback;
                    continue;
                }
                w[p.offset() + i] = Double.isFinite(hz) && hz > 0 ? Math.round(hz * SCALE) : 0;
            }
        }
        return w;
    }
}
