package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The loop-variant and thread-count tests' one claim about two runs of the same config: the same
 * overflow counts, probe traces and spike raster.
 */
final class SameRun {
    private SameRun() {
    }

    /** Asserts that {@code actual} recorded what {@code expected} did; {@code what} names it in failures. */
    static void assertSame(Loihi1RunResult expected, Loihi1RunResult actual, String what) {
        assertEquals(expected.overflows(), actual.overflows(), what + ": overflows");
        assertEquals(expected.traces(), actual.traces(), what + ": probes");
        assertEquals(expected.spikes(), actual.spikes(), what + ": spikes");
    }
}
