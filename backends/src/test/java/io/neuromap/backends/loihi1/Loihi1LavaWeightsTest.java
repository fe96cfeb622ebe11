package io.neuromap.backends.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Lava's weight utilities at the edges the golden cases do not reach. */
final class Loihi1LavaWeightsTest {

    @Test
    void signModeFollowsLavasOrder() {
        assertEquals(Loihi1SignMode.EXCITATORY, Loihi1LavaWeights.determineSignMode(new int[] {0, 0}));
        assertEquals(Loihi1SignMode.EXCITATORY, Loihi1LavaWeights.determineSignMode(new int[] {0, 3}));
        assertEquals(Loihi1SignMode.INHIBITORY, Loihi1LavaWeights.determineSignMode(new int[] {0, -3}));
        assertEquals(Loihi1SignMode.MIXED, Loihi1LavaWeights.determineSignMode(new int[] {-1, 3}));
        assertThrows(IllegalArgumentException.class, () -> Loihi1LavaWeights.determineSignMode(new int[0]));
    }

    @Test
    void outOfRangeWeightsAreAReportableError() {
        Loihi1QuantizationException e = assertThrows(Loihi1QuantizationException.class,
                () -> Loihi1LavaWeights.optimizeWeightBits(new int[] {-300, 4}, Loihi1SignMode.MIXED, false));
        assertEquals(Loihi1QuantizationException.Reason.WEIGHTS_OUT_OF_RANGE, e.reason());
        assertEquals("weights have to be between -256 and 255 for sign_mode=<SignMode.MIXED: 1>. "
                + "Got weights between -300 and 4.", e.upstreamMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Loihi1LavaWeights.optimizeWeightBits(new int[] {1}, Loihi1SignMode.NULL, false));
    }

    @Test
    void optimizationEdgeCasesBehaveAsUpstream() throws Loihi1QuantizationException {
        // Expected values from running Lava's weightutils with numpy 2.4.
        // Mixed weights up to 255 get weight_exp 1; numpy shifts left by -1 to 0.
        Loihi1OptimizedWeights big = Loihi1LavaWeights.optimizeWeightBits(new int[] {255, -3, 4, 100},
                Loihi1SignMode.MIXED, false);
        assertEquals(new Loihi1OptimizedWeights(new int[] {0, 0, 0, 0}, 10, 1), big);
        Loihi1QuantizationException e = assertThrows(Loihi1QuantizationException.class,
                () -> Loihi1LavaWeights.optimizeWeightBits(new int[] {255, -3}, Loihi1SignMode.MIXED, true));
        assertEquals(Loihi1QuantizationException.Reason.NEGATIVE_SHIFT_COUNT, e.reason());

        assertEquals(new Loihi1OptimizedWeights(new int[] {0, 0}, 0, 0),
                Loihi1LavaWeights.optimizeWeightBits(new int[] {0, 0}, Loihi1SignMode.EXCITATORY, true));
        assertEquals(new Loihi1OptimizedWeights(new int[] {1, 2, 3}, 2, -6),
                Loihi1LavaWeights.optimizeWeightBits(new int[] {1, 2, 3}, Loihi1SignMode.EXCITATORY, true));
        assertEquals(new Loihi1OptimizedWeights(new int[] {-2, 1}, 2, -2),
                Loihi1LavaWeights.optimizeWeightBits(new int[] {-64, 32}, Loihi1SignMode.MIXED, true));
    }

    @Test
    void arrayFormsMayWorkInPlace() {
        int[] w = {-300, -256, -255, -1, 0, 1, 255, 256, 300};
        Loihi1LavaWeights.clipWeights(w, Loihi1SignMode.MIXED, 8, true, w);
        assertArrayEquals(new int[] {-256, -256, -255, -1, 0, 1, 254, 254, 254}, w);
        Loihi1LavaWeights.truncateWeights(w, Loihi1SignMode.MIXED, 6, 8, w);
        assertArrayEquals(new int[] {-256, -256, -256, -8, 0, 0, 248, 248, 248}, w);
        assertThrows(IllegalArgumentException.class,
                () -> Loihi1LavaWeights.clipWeights(new int[2], Loihi1SignMode.MIXED, 8, false, new int[3]));
    }

    @Test
    void inhibitoryTruncationActsOnMagnitudes() {
        assertEquals(-4, Loihi1LavaWeights.truncateWeight(-7, Loihi1SignMode.INHIBITORY, 6));
        assertEquals(-8, Loihi1LavaWeights.truncateWeight(-7, Loihi1SignMode.MIXED, 6));
        assertEquals(-255, Loihi1LavaWeights.denseWeight(-300, Loihi1SignMode.INHIBITORY, 8));
    }

    @Test
    void optimizedWeightsAreAValue() {
        int[] source = {1, 2};
        Loihi1OptimizedWeights w = new Loihi1OptimizedWeights(source, 8, 0);
        source[0] = 9;
        assertEquals(1, w.weight(0));
        w.weights()[1] = 9;
        assertEquals(2, w.weight(1));
        assertEquals(new Loihi1OptimizedWeights(new int[] {1, 2}, 8, 0).hashCode(), w.hashCode());
        assertEquals("Loihi1OptimizedWeights[weights=[1, 2], numWeightBits=8, weightExp=0]", w.toString());
    }
}
