package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Results do not depend on the thread count (DESIGN.md §Determinism): a generated 50,000-compartment
 * network (50 cores of 1,000, random synapses with delays in three formats, dendritic trees on
 * every fifth core, inter-core routing, random stimuli) runs on 1, 2 and 4 threads, and the spike
 * raster, every probed value (final current and voltage of every compartment, sampled voltage and
 * synaptic input), the overflow counts and the synaptic event count are identical.
 */
class Loihi1ThreadInvarianceTest {

    private static final int STEPS = 120;

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void fiftyThousandCompartmentsGiveTheSameResultsOnOneTwoAndFourThreads(Loihi1Arithmetic arithmetic)
            throws Exception {
        Loihi1Config config = Loihi1RandomNetwork.generate(20240611L, arithmetic, 50, 1000, 20, STEPS, 100);
        Loihi1Emulation emulation = Loihi1Emulation.of(config);
        assertEquals(List.of(), emulation.violations());
        Loihi1RunResult one = emulation.run(STEPS, new Loihi1RunOptions(1, false));
        // The network must be doing something for the comparison to mean anything.
        long spikesPerStep = one.spikes().count() / STEPS;
        assertTrue(spikesPerStep > 500 && spikesPerStep < 25_000, "spikes per step: " + spikesPerStep);
        assertTrue(one.synapticEvents() > 1_000_000, "synaptic events: " + one.synapticEvents());
        for (int threads : new int[] {2, 4}) {
            Loihi1RunResult many = emulation.run(STEPS, new Loihi1RunOptions(threads, false));
            assertEquals(threads, many.threads());
            assertEquals(one.spikes(), many.spikes(), "spike raster on " + threads + " threads");
            assertEquals(one.traces(), many.traces(), "probes on " + threads + " threads");
            assertEquals(one.overflows(), many.overflows(), "overflows on " + threads + " threads");
            assertEquals(one.synapticEvents(), many.synapticEvents(), "events on " + threads + " threads");
        }
    }
}
