package io.neuromap.emulator.loihi1;

import static io.neuromap.emulator.loihi1.Loihi1JoinTest.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuromap.backends.loihi1.Loihi1SignMode;
import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1CoreSingletons;
import io.neuromap.backends.loihi1.config.Loihi1CurrentScale;
import org.junit.jupiter.api.Test;

/**
 * The two arithmetic profiles at their edges, against hand-computed values: Lava's single ±2^24
 * current correction (with its +2^23 and -2^23 boundary cases) and ±(2^23 - 1) voltage
 * saturation; Lava's weight exponent applied to each format's summed input; nengo-loihi's q0,
 * current and u2 wraps, counted, and in a strict run reported at the first one with its step,
 * chip, core and compartment; current stimuli on both scales.
 */
class Loihi1ArithmeticTest {

    /** nengo-loihi weight 255 at weight_exp 7: 255 · 2^7 · 2^6 = 2,088,960 per spike, just below 2^21. */
    private static final int BIG = 2_088_960;

    private static Loihi1RunResult run(Loihi1Config config, int steps, boolean strict) throws Exception {
        return Loihi1Emulation.of(config).run(steps, new Loihi1RunOptions(1, strict));
    }

    /**
     * Lava, du = 4095 (u forgets), dv = 0 (v keeps all), vth 131071·2^6, a_in on the raw scale:
     *
     * <pre>
     * step  a_in      d = a_in·64          u (one ±2^24 correction)   v = clamp(v + u)
     *  0   -131071   -8388544              -8388544                   -8388544
     *  1   -131071   -8388544              -8388544                   -8388607 (saturated)
     *  2    131072    8388608 = +2^23       8388608 (kept: not > 2^23)        1
     *  3    131073    8388672 > 2^23       -8388544 (wrapped)         -8388543
     *  4   -131072   -8388608 = -2^23       8388608 (wrapped to +2^23)       65
     *  5         0          0                     0                          65
     * </pre>
     */
    @Test
    void lavaCurrentWrapsOnceAndVoltageSaturates() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.LAVA).currentScale(Loihi1CurrentScale.LAVA_RAW);
        config.core(0, 0).compartment(Loihi1CompartmentProfile.lif(4095, 0, 1), 131071, 0, 0);
        int[] aIn = {-131071, -131071, 131072, 131073, -131072, 0};
        for (int k = 0; k < aIn.length; k++) {
            config.current(k, 0, 0, 0, aIn[k]);
        }
        Loihi1RunResult result = run(config.build(), 6, false);
        assertArrayEquals(new int[] {-8388544, -8388544, 8388608, -8388544, 8388608, 0}, series(result, "current", 0));
        assertArrayEquals(new int[] {-8388544, -8388607, 1, -8388543, 65, 65}, series(result, "voltage", 0));
        assertArrayEquals(aIn, series(result, "synaptic_input", 0));
        assertEquals(new Loihi1OverflowCounts(0, 2, 0, 0), result.overflows());
    }

    /**
     * Lava's Dense shifts the summed activation of each connection (synapse format), not each
     * weight: two weights of 1 in one format with weight_exp -1 give (1 + 1) >> 1 = 1; in two
     * formats (1 >> 1) + (1 >> 1) = 0; an inhibitory -3 gives -3 >> 1 = -2 (floor). A positive
     * exponent scales the sum: 3 << 2 = 12.
     */
    @Test
    void lavaShiftsEachFormatsSummedInputByItsWeightExponent() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.LAVA);
        Loihi1TestConfig.Core core = config.core(0, 0);
        Loihi1CompartmentProfile lif = Loihi1CompartmentProfile.lif(4095, 4095, 1);
        for (int i = 0; i < 4; i++) {
            core.compartment(lif, 131071, 0, 0);
        }
        core.format(1, 8, Loihi1SignMode.EXCITATORY, -1, 0)
                .format(2, 8, Loihi1SignMode.EXCITATORY, -1, 0)
                .format(3, 8, Loihi1SignMode.INHIBITORY, -1, 0)
                .format(4, 8, Loihi1SignMode.EXCITATORY, 2, 0)
                .synapse(0, 1, 0, 1, 0).synapse(1, 1, 0, 1, 0)
                .synapse(0, 1, 1, 1, 0).synapse(1, 2, 1, 1, 0)
                .synapse(0, 3, 2, -3, 0)
                .synapse(0, 4, 3, 1, 0).synapse(1, 4, 3, 2, 0);
        config.spike(0, 0, 0, 0).spike(0, 0, 0, 1);
        Loihi1RunResult result = run(config.build(), 2, true);
        assertEquals(1, series(result, "synaptic_input", 0)[1]);
        assertEquals(0, series(result, "synaptic_input", 1)[1]);
        assertEquals(-2, series(result, "synaptic_input", 2)[1]);
        assertEquals(12, series(result, "synaptic_input", 3)[1]);
        assertEquals(12 << 6, series(result, "current", 3)[1]);
    }

    /**
     * nengo-loihi adds each weight as the chip's two-part shift {@code (w >> -e) << 6}: a mixed
     * 8-bit weight 101 loses its lowest bit (100), and at weight_exp -2 becomes 25 · 64 = 1600;
     * weight 3 at weight_exp -2 becomes 0.
     */
    @Test
    void nengoLoihiScalesEachWeightByTheTwoPartShift() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0);
        core.compartments(2, Loihi1CompartmentProfile.lif(4095, 4095, 1), 131071, 0, 0);
        core.format(1, 8, Loihi1SignMode.MIXED, -2, 0)
                .synapse(0, 1, 0, 101, 0)
                .synapse(0, 1, 1, 3, 0).synapse(1, 1, 1, 3, 0);
        config.spike(0, 0, 0, 0).spike(0, 0, 0, 1);
        Loihi1RunResult result = run(config.build(), 2, true);
        assertEquals(1600, series(result, "synaptic_input", 0)[1]);
        assertEquals(0, series(result, "synaptic_input", 1)[1]);
    }

    /** Two synapses of 2,088,960 sum to 4,177,920, which wraps at 21 bits to -16,384 ("Overflow in q0"). */
    @Test
    void nengoLoihiWrapsQ0AndCountsIt() throws Exception {
        Loihi1Config config = q0Overflow(new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI), 0);
        Loihi1RunResult result = run(config, 3, false);
        assertEquals(-16384, series(result, "synaptic_input", 0)[1]);
        assertEquals(new Loihi1OverflowCounts(1, 0, 0, 0), result.overflows());

        Loihi1OverflowException e = assertThrows(Loihi1OverflowException.class, () -> run(config, 3, true));
        assertEquals(1, e.step());
        assertEquals(0, e.chip());
        assertEquals(0, e.core());
        assertEquals(0, e.compartment());
        assertEquals(Loihi1OverflowKind.Q0, e.kind());
        assertEquals(4_177_920, e.value());
        assertEquals("step 1, chip 0, core 0, compartment 0: Overflow in q0 (value 4177920 does not fit)",
                e.getMessage());
    }

    private static Loihi1Config q0Overflow(Loihi1TestConfig config, int coreId) {
        Loihi1TestConfig.Core core = config.core(0, coreId);
        core.compartment(Loihi1CompartmentProfile.lif(0, 0, 1), 131071, 0, 0);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 7, 0).synapse(0, 1, 0, 255, 0).synapse(0, 1, 0, 255, 0);
        config.spike(0, 0, coreId, 0);
        return config.build();
    }

    /**
     * u never decays (decay_u 0, ds_offset 0) and gains 2,088,960 per step from step 1: after five
     * inputs it is 10,444,800, which wraps at 23 bits to -6,332,416 ("Overflow in current") in step 5.
     */
    @Test
    void nengoLoihiWrapsTheCurrent() throws Exception {
        Loihi1Config config = accumulating(0, 5);
        Loihi1RunResult result = run(config, 6, false);
        assertArrayEquals(new int[] {0, BIG, 2 * BIG, 3 * BIG, 4 * BIG, 5 * BIG - (1 << 24)},
                series(result, "current", 0));
        assertEquals(new Loihi1OverflowCounts(0, 1, 0, 0), result.overflows());
        Loihi1OverflowException e = assertThrows(Loihi1OverflowException.class, () -> run(config, 6, true));
        assertEquals(5, e.step());
        assertEquals(Loihi1OverflowKind.CURRENT, e.kind());
    }

    /** With bias 4095·2^7 = 524,160, u = 4 · 2,088,960 = 8,355,840 fits but u + bias does not: "Overflow in u2" in step 4. */
    @Test
    void nengoLoihiWrapsCurrentPlusBias() throws Exception {
        Loihi1Config config = accumulating(4095, 4);
        Loihi1OverflowException e = assertThrows(Loihi1OverflowException.class, () -> run(config, 6, true));
        assertEquals(4, e.step());
        assertEquals(Loihi1OverflowKind.U2, e.kind());
        assertEquals(4 * BIG + (4095 << 7), e.value());
        assertEquals(new Loihi1OverflowCounts(0, 0, 1, 0), run(config, 5, false).overflows());
    }

    private static Loihi1Config accumulating(int biasMant, int spikes) {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        Loihi1TestConfig.Core core = config.core(0, 0).singletons(new Loihi1CoreSingletons(23, 7, 0, 0, 3));
        core.compartment(Loihi1CompartmentProfile.lif(0, 4095, 1), 131071, biasMant, biasMant == 0 ? 0 : 7);
        core.format(1, 8, Loihi1SignMode.EXCITATORY, 7, 0).synapse(0, 1, 0, 255, 0);
        for (int k = 0; k < spikes; k++) {
            config.spike(k, 0, 0, 0);
        }
        return config.build();
    }

    /** Two cores overflow in the same step: the error names the first in config order, on any thread count. */
    @Test
    void theFirstOverflowIsTheSameForAnyThreadCount() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        q0Overflow(config, 5);
        Loihi1Config both = q0Overflow(config, 2);
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            Loihi1OverflowException e = assertThrows(Loihi1OverflowException.class,
                    () -> Loihi1Emulation.of(both).run(3, new Loihi1RunOptions(t, true)));
            assertEquals(5, e.core(), "threads " + threads);
        }
    }

    /**
     * Current stimuli on both scales: under nengo-loihi a lava_raw value enters q times 2^6; under
     * Lava a nengo_full value enters u unshifted (and is not part of a_in).
     */
    @Test
    void currentStimuliEnterAtTheirDeclaredScale() throws Exception {
        Loihi1TestConfig nengo = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI)
                .currentScale(Loihi1CurrentScale.LAVA_RAW);
        nengo.core(0, 0).compartment(Loihi1CompartmentProfile.lif(4095, 4095, 1), 131071, 0, 0);
        nengo.current(2, 0, 0, 0, 5);
        Loihi1RunResult n = run(nengo.build(), 3, true);
        assertArrayEquals(new int[] {0, 0, 320}, series(n, "synaptic_input", 0));
        assertArrayEquals(new int[] {0, 0, 320}, series(n, "current", 0));

        Loihi1TestConfig lava = new Loihi1TestConfig(Loihi1Arithmetic.LAVA).currentScale(Loihi1CurrentScale.NENGO_FULL);
        lava.core(0, 0).compartment(Loihi1CompartmentProfile.lif(4095, 4095, 1), 131071, 0, 0);
        lava.current(1, 0, 0, 0, 320);
        Loihi1RunResult l = run(lava.build(), 3, true);
        assertArrayEquals(new int[] {0, 0, 0}, series(l, "synaptic_input", 0));
        assertArrayEquals(new int[] {0, 320, 0}, series(l, "current", 0));
    }

    /**
     * nengo-loihi's refractory period: refract_delay r holds v at 0 for r - 1 steps after a spike
     * while u keeps integrating. Bias 160, threshold 640: spikes when v = 800; with r = 3 the
     * voltage is 160, 320, 480, 640, 0 (spike), 0, 0, 160, ...
     */
    @Test
    void refractoryPeriodHoldsTheVoltageAtZero() throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI);
        config.core(0, 0).compartment(Loihi1CompartmentProfile.lif(0, 0, 3), 10, 160, 0);
        Loihi1RunResult result = run(config.build(), 12, true);
        assertArrayEquals(new int[] {160, 320, 480, 640, 0, 0, 0, 160, 320, 480, 640, 0},
                series(result, "voltage", 0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, series(result, "spikes", 0));
    }
}
