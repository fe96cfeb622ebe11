package io.neuromap.emulator.reference;

import io.neuromap.compiler.ir.PoissonSpikeTrains;
import java.util.Arrays;

/**
 * Spike times to steps, as every engine must convert them: a spike at time t is fired in the
 * first step at or after t ({@link PoissonSpikeTrains#stepAtOrAfter}: step s covers
 * [s dt, (s + 1) dt), so t = 10 ms at dt = 1 ms is step 10), and several times in one step are
 * one spike, since a neuron fires at most once per step.
 */
final class SpikeTimes {
    private SpikeTimes() {
    }

    /** The distinct steps of {@code times} (seconds, any order), ascending, before {@code stepLimit}. */
    static long[] steps(double[] times, double dt, long stepLimit) {
        long[] steps = new long[times.length];
        int n = 0;
        for (double t : times) {
            long s = PoissonSpikeTrains.stepAtOrAfter(t, dt);
            if (s < stepLimit) {
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
}
