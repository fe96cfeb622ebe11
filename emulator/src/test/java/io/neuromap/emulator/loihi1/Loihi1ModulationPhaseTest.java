package io.neuromap.emulator.loihi1;

import static io.neuromap.emulator.loihi1.Loihi1JoinTest.series;
import static io.neuromap.emulator.loihi1.Loihi1JoinTest.spikeSteps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Modulation;
import io.neuromap.backends.loihi1.config.Loihi1ModulationEffect;
import io.neuromap.backends.loihi1.config.Loihi1ModulationLut;
import io.neuromap.backends.loihi1.config.Loihi1ModulationOp;
import io.neuromap.backends.loihi1.config.Loihi1ModulationRegister;
import io.neuromap.backends.loihi1.config.Loihi1Modulator;
import io.neuromap.backends.loihi1.config.Loihi1ModulatorSource;
import io.neuromap.backends.loihi1.config.Loihi1ProbeVariable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The management program, computed by hand: a source compartment that fires every step raises a
 * modulator (release 1.0, half of the excess kept per step), whose concentration after step t
 * acts in step t + 1 on a bias (excitability) and on a threshold profile; concentrations are
 * those of the fixed-point recurrence; results do not depend on the thread count.
 */
class Loihi1ModulationPhaseTest {
    private static final int ONE = 1 << 16;
    /** v forgets everything but 1/4096 of itself each step, so v = u + bias while below 4096. */
    private static final Loihi1CompartmentProfile FORGET = Loihi1CompartmentProfile.lif(4095, 4095, 1);

    /** cx 0 fires every step (bias 100 over threshold 64); cx 1 holds its bias; cx 2 sits at 2000 below 40 x 64. */
    private static Loihi1Config config(Loihi1Arithmetic arithmetic, int cores, int steps) {
        Loihi1TestConfig test = new Loihi1TestConfig(arithmetic).steps(steps);
        int[] chip = new int[cores];
        int[] core = new int[cores];
        int[] source = new int[cores];
        for (int c = 0; c < cores; c++) {
            Loihi1TestConfig.Core k = test.core(0, c);
            k.compartment(FORGET, 1, 100, 0);
            k.compartment(FORGET, 100_000, 0, 0);
            k.compartment(FORGET, 40, 2000, 0);
            core[c] = c;
        }
        Loihi1Modulator da = new Loihi1Modulator("DA", 0, ONE / 2, ONE, 0,
                new Loihi1ModulatorSource(chip, core, source, new int[0], new int[0]));
        // y = 1000 [DA] (an affine table: two entries one concentration unit apart).
        Loihi1ModulationLut lut = new Loihi1ModulationLut(0, 16, new int[] {0, 1000});
        int[] ones = new int[cores];
        int[] minusOnes = new int[cores];
        int[] biasCx = new int[cores];
        int[] profile = new int[cores];
        for (int c = 0; c < cores; c++) {
            ones[c] = 1;
            minusOnes[c] = -1;
            biasCx[c] = 1;
            profile[c] = 2;
        }
        Loihi1ModulationEffect excitability = new Loihi1ModulationEffect("excitability", 0, Loihi1ModulationRegister.BIAS,
                Loihi1ModulationOp.ADD, 0, lut, chip, core, biasCx, ones);
        Loihi1ModulationEffect threshold = new Loihi1ModulationEffect("threshold", 0, Loihi1ModulationRegister.VTH,
                Loihi1ModulationOp.ADD, 5, lut, chip, core, profile, minusOnes);
        return test.build().withModulation(new Loihi1Modulation(List.of(da), List.of(excitability, threshold)));
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void excitabilityAndThresholdFollowTheConcentrationOfThePreviousStep(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1Config config = config(arithmetic, 1, 5);
        Loihi1RunResult result = Loihi1Emulation.of(config).run(5, new Loihi1RunOptions(1, true));
        assertEquals(List.of(0, 1, 2, 3, 4), spikeSteps(result, 0), "the source fires every step");
        // c after steps 0..3: 1, 1.5, 1.75, 1.875 (x 2^16); before step 0 the baseline 0.
        // Step t's bias is floor(1000 c(t - 1)): 0, 1000, 1500, 1750, 1875.
        assertArrayEquals(new int[] {0, 1000, 1500, 1750, 1875}, series(result, "voltage", 1));
        // Threshold mantissa 40 + round(-y / 32): 40 in step 0 (no spike at v = 2000 < 2560), then
        // 40 - 31 = 9 (576) from step 1: v = 2000 fires every step.
        assertEquals(List.of(1, 2, 3, 4), spikeSteps(result, 2));
    }

    @Test
    void theConcentrationIsTheFixedPointRecurrence() throws Exception {
        Loihi1Config config = config(Loihi1Arithmetic.NENGO_LOIHI, 1, 4);
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(1, true))) {
            assertEquals(0, emulator.modulatorConcentration(0), "the baseline before step 0");
            int[] expected = {ONE, ONE + ONE / 2, ONE + 3 * ONE / 4, ONE + 7 * ONE / 8};
            for (int t = 0; t < 4; t++) {
                emulator.step();
                assertEquals(expected[t], emulator.modulatorConcentration(0), "after step " + t);
            }
            assertEquals(5 * 2, emulator.modulationWrites(), "one bias and one profile per management");
        }
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void aDecayEffectRewritesTheProfileOfItsCompartments(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1TestConfig test = new Loihi1TestConfig(arithmetic).steps(4);
        Loihi1TestConfig.Core core = test.core(0, 0);
        // No voltage leak (decay_v 0): v grows by the bias, 1000 per step, unless the program
        // sets decay_v to 2048 (half of v retained): 1000, 1500, 1750, 1875.
        Loihi1CompartmentProfile keep = Loihi1CompartmentProfile.lif(4095, 0, 1);
        core.compartment(keep, 100_000, 1000, 0);
        Loihi1Modulator m = new Loihi1Modulator("M", ONE, ONE, 0, 0, Loihi1ModulatorSource.none());
        Loihi1ModulationEffect decay = new Loihi1ModulationEffect("tau", 0, Loihi1ModulationRegister.DECAY_V,
                Loihi1ModulationOp.SET, 0, new Loihi1ModulationLut(0, 16, new int[] {0, 2048}), new int[] {0},
                new int[] {0}, new int[] {0}, new int[] {1});
        Loihi1Config config = test.build().withModulation(new Loihi1Modulation(List.of(m), List.of(decay)));
        Loihi1RunResult result = Loihi1Emulation.of(config).run(4, new Loihi1RunOptions(1, true));
        assertArrayEquals(new int[] {1000, 1500, 1750, 1875}, series(result, "voltage", 0));
    }

    @Test
    void aCurrentDecayEffectRewritesDecayU() throws Exception {
        Loihi1TestConfig test = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(3);
        Loihi1TestConfig.Core core = test.core(0, 0);
        // u starts at 8192 and keeps 4096 - (decay_u + 1) of 4096 per step: with decay_u 0 it keeps
        // 4095/4096; the program sets decay_u to 2047 (half kept): 4096, 2048, 1024.
        core.compartment(Loihi1CompartmentProfile.lif(0, 4095, 1), 100_000, 0, 0);
        core.initial(0, 8192, 0);
        Loihi1Modulator m = new Loihi1Modulator("M", ONE, ONE, 0, 0, Loihi1ModulatorSource.none());
        Loihi1ModulationEffect decay = new Loihi1ModulationEffect("tau_syn", 0, Loihi1ModulationRegister.DECAY_U,
                Loihi1ModulationOp.SET, 0, new Loihi1ModulationLut(0, 16, new int[] {0, 2047}), new int[] {0},
                new int[] {0}, new int[] {0}, new int[] {1});
        Loihi1Config config = test.build().withModulation(new Loihi1Modulation(List.of(m), List.of(decay)));
        Loihi1RunResult result = Loihi1Emulation.of(config).run(3, new Loihi1RunOptions(1, true));
        assertArrayEquals(new int[] {4096, 2048, 1024}, series(result, "current", 0));
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void aWeightEffectRewritesTheSynapsesIntoItsCompartment(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1TestConfig test = new Loihi1TestConfig(arithmetic).steps(4);
        Loihi1TestConfig.Core core = test.core(0, 0);
        // u forgets at once (decay_u 4095); one synapse of stored weight 100 into compartment 0
        // and one of 100 into compartment 1, both fired in steps 0..2. The program scales the
        // weights into compartment 0 by 1.5 from step 0 on: 150 (x 2^6 at full scale).
        core.compartment(Loihi1CompartmentProfile.lif(4095, 4095, 1), 100_000, 0, 0);
        core.compartment(Loihi1CompartmentProfile.lif(4095, 4095, 1), 100_000, 0, 0);
        core.format(1, 8, io.neuromap.backends.loihi1.Loihi1SignMode.MIXED, 0, 0);
        core.synapse(0, 1, 0, 100, 0).synapse(0, 1, 1, 100, 0);
        test.spike(0, 0, 0, 0).spike(1, 0, 0, 0).spike(2, 0, 0, 0);
        Loihi1Modulator m = new Loihi1Modulator("M", ONE, ONE, 0, 0, Loihi1ModulatorSource.none());
        Loihi1ModulationEffect gain = new Loihi1ModulationEffect("gain", 0, Loihi1ModulationRegister.WEIGHT,
                Loihi1ModulationOp.MULTIPLY, 16, new Loihi1ModulationLut(0, 16, new int[] {0, 3 * ONE / 2}),
                new int[] {0}, new int[] {0}, new int[] {0}, new int[] {0});
        Loihi1Config config = test.build().withModulation(new Loihi1Modulation(List.of(m), List.of(gain)));
        Loihi1RunResult result = Loihi1Emulation.of(config).run(4, new Loihi1RunOptions(1, true));
        int[] scaled = series(result, "current", 0);
        int[] plain = series(result, "current", 1);
        assertArrayEquals(new int[] {0, 100 << 6, 100 << 6, 100 << 6}, plain);
        assertArrayEquals(new int[] {0, 150 << 6, 150 << 6, 150 << 6}, scaled);
    }

    @Test
    void hostSpikesAndDelayRelease() throws Exception {
        Loihi1TestConfig test = new Loihi1TestConfig(Loihi1Arithmetic.NENGO_LOIHI).steps(6);
        test.core(0, 0).compartment(FORGET, 100_000, 0, 0);
        // Two host spikes in step 1, one in step 3; released two steps later; no decay.
        Loihi1Modulator m = new Loihi1Modulator("M", ONE / 4, ONE, ONE, 2,
                new Loihi1ModulatorSource(new int[0], new int[0], new int[0], new int[] {1, 3}, new int[] {2, 1}));
        Loihi1Config config = test.build().withModulation(new Loihi1Modulation(List.of(m), List.of()));
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(1, true))) {
            int[] expected = {ONE / 4, ONE / 4, ONE / 4, ONE / 4 + 2 * ONE, ONE / 4 + 2 * ONE, ONE / 4 + 3 * ONE};
            for (int t = 0; t < 6; t++) {
                emulator.step();
                assertEquals(expected[t], emulator.modulatorConcentration(0), "after step " + t);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        Loihi1Config config = config(Loihi1Arithmetic.NENGO_LOIHI, 4, 20);
        Loihi1RunResult one = Loihi1Emulation.of(config).run(20, new Loihi1RunOptions(1, true));
        Loihi1RunResult three = Loihi1Emulation.of(config).run(20, new Loihi1RunOptions(3, true));
        for (Loihi1ProbeVariable v : Loihi1ProbeVariable.values()) {
            for (int column = 0; column < 12; column++) {
                assertArrayEquals(series(one, v.jsonName(), column), series(three, v.jsonName(), column),
                        v.jsonName() + " of column " + column);
            }
        }
    }
}
