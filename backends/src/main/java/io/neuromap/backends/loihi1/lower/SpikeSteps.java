package io.neuromap.backends.loihi1.lower;

import io.neuromap.compiler.ir.PoissonSpikeTrains;
import java.util.Arrays;

/**
 * Spike times to steps, as every engine converts them: a spike at time t is fired in the first
 * step at or after t ({@link PoissonSpikeTrains#stepAtOrAfter}); several times in one step are one
 * spike, since a neuron fires at most once per step. Poisson trains come from the IR's keyed
 * streams, active in {@code [start, start + duration)} on the step grid.
 */
final class SpikeSteps {
    private SpikeSteps() {
    }

    /** The distinct steps of {@code times} (s, any order) before {@code limit}, ascending. */
    static long[] ofTimes(double[] times, double dt, long limit) {
        long[] steps = new long[times.length];
        int n = 0;
        for (double t : times) {
            long s = PoissonSpikeTrains.stepAtOrAfter(t, dt);
            if (s < limit) {
                steps[n++] = s;
            }
        }
        steps = Arrays.copyOf(steps, n);
        Arrays.sort(steps);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || steps[m - 1] != steps[i]) {
                steps[m++] = steps[i];
            }
        }
        return Arrays.copyOf(steps, m);
    }

    /** The steps neuron {@code neuron} of {@code trains} fires at {@code rate} in {@code [start, start + duration)}, before {@code limit}. */
    static long[] poisson(PoissonSpikeTrains trains, int neuron, double rate, double start, double duration, double dt,
            long limit) {
        long first = PoissonSpikeTrains.stepAtOrAfter(start, dt);
        long end = Math.min(PoissonSpikeTrains.stepAtOrAfter(start + duration, dt), limit);
        if (first >= end) {
            return new long[0];
        }
        return trains.spikeSteps(neuron, rate, first, end);
    }
}
