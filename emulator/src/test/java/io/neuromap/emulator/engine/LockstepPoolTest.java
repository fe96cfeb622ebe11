package io.neuromap.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The lock-step pool runs every unit of a phase exactly once, returns only when all are done
 * (their plain writes visible to the caller), passes a unit's failure to the caller, and can be
 * reused phase after phase until it is closed.
 */
class LockstepPoolTest {

    @Test
    void everyUnitRunsExactlyOncePerPhaseOnAnyThreadCount() {
        for (int threads = 1; threads <= 4; threads++) {
            try (LockstepPool pool = new LockstepPool(threads, "test")) {
                assertEquals(threads, pool.threads());
                for (int units : new int[] {0, 1, 3, 50}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(units);
                    long[] written = new long[units];
                    for (int phase = 1; phase <= 100; phase++) {
                        long p = phase;
                        pool.forEach(units, u -> {
                            runs.incrementAndGet(u);
                            written[u] += p * (u + 1);
                        });
                    }
                    long[] expected = new long[units];
                    for (int u = 0; u < units; u++) {
                        assertEquals(100, runs.get(u), "unit " + u + " on " + threads + " threads");
                        expected[u] = 5050L * (u + 1);
                    }
                    assertArrayEquals(expected, written);
                }
            }
        }
    }

    @Test
    void aFailingUnitFailsThePhaseAndThePoolStaysUsable() {
        try (LockstepPool pool = new LockstepPool(3, "test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEach(10, u -> {
                if (u == 7) {
                    throw new IllegalStateException("unit 7");
                }
            }));
            assertEquals("unit 7", e.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            pool.forEach(10, runs::incrementAndGet);
            for (int u = 0; u < 10; u++) {
                assertEquals(1, runs.get(u));
            }
        }
    }

    @Test
    void aClosedPoolRefusesWorkAndClosingTwiceIsHarmless() {
        LockstepPool pool = new LockstepPool(2, "test");
        pool.close();
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.forEach(1, u -> { }));
        assertThrows(IllegalArgumentException.class, () -> new LockstepPool(0, "test"));
    }
}
