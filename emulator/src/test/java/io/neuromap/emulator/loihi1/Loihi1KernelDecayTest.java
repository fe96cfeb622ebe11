package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel's branch-free decay equals the reference helper {@link Loihi1FixedPoint#truncDecay}
 * (sign times the floored magnitude) for every state value a register can hold and every retained
 * fraction a profile can give, edges included.
 */
class Loihi1KernelDecayTest {

    @Test
    void branchFreeDecayEqualsTheReferenceHelper() {
        int[] xs = {0, 1, -1, 4095, -4095, 4096, -4096, 4097, -4097, (1 << 23) - 1, -(1 << 23) + 1, 1 << 23,
            -(1 << 23), 8_355_840, -6_332_416};
        int[] rs = {0, 1, 2, 2047, 2048, 3686, 3891, 4094, 4095, 4096};
        for (int x : xs) {
            for (int r : rs) {
                assertEquals(Loihi1FixedPoint.truncDecay(x, r), Loihi1Kernel.decay(x, r), "x " + x + ", r " + r);
            }
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            int x = random.nextInt(-(1 << 24), 1 << 24);
            int r = random.nextInt(4097);
            assertEquals(Loihi1FixedPoint.truncDecay(x, r), Loihi1Kernel.decay(x, r), "x " + x + ", r " + r);
        }
    }
}
