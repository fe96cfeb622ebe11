package io.neuromap.emulator.loihi1;

import static io.neuromap.emulator.loihi1.Loihi1JoinTest.series;
import static io.neuromap.emulator.loihi1.Loihi1JoinTest.spikeSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.TestNmap;
import io.neuromap.backends.loihi1.Loihi1CompileOptions;
import io.neuromap.backends.loihi1.Loihi1Compiler;
import io.neuromap.compiler.ir.Network;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's initial u and v ({@code initial_state}) are in the state before step 0: a voltage
 * above threshold fires in step 0, a held voltage stays where it was set, an initial current
 * drives the voltage from step 0 on, and unlisted compartments start at 0; a compiled network
 * starts at its own random v_init.
 */
class Loihi1InitialStateTest {

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void initialStateIsThereBeforeStepZero(Loihi1Arithmetic arithmetic) throws Exception {
        Loihi1TestConfig config = new Loihi1TestConfig(arithmetic).steps(3);
        Loihi1TestConfig.Core core = config.core(0, 0);
        // No leak (dv 0), u forgets at once (du 4095); threshold 100 x 2^6 = 6400.
        Loihi1CompartmentProfile hold = Loihi1CompartmentProfile.lif(4095, 0, 1);
        Loihi1CompartmentProfile keepU = Loihi1CompartmentProfile.lif(0, 0, 1);
        core.compartment(hold, 100, 0, 0);
        core.compartment(hold, 100, 0, 0);
        core.compartment(keepU, 100, 0, 0);
        core.compartment(hold, 100, 0, 0);
        core.initial(0, 0, 7000).initial(1, 0, 3000).initial(2, 1000, 0);
        Loihi1Config built = config.build();
        Loihi1RunResult result = Loihi1Emulation.of(built).run(3, new Loihi1RunOptions(1, true));
        assertEquals(List.of(0), spikeSteps(result, 0), "v above threshold fires in step 0");
        assertEquals(List.of(), spikeSteps(result, 1));
        assertEquals(3000, series(result, "voltage", 1)[0]);
        assertEquals(3000, series(result, "voltage", 1)[2]);
        assertEquals(true, series(result, "voltage", 2)[0] > 0, "an initial u drives v from step 0");
        assertEquals(0, series(result, "voltage", 3)[2], "unlisted compartments start at 0");
    }

    @Test
    void aCompiledNetworkStartsAtItsRandomInitialVoltages() throws Exception {
        Network network = TestNmap.elaborate("""
                network N {
                  population p[50] : lif { v_rest = -65 mV; v_reset = -60 mV; v_thresh = -50 mV;
                                           v_init ~ uniform(-60 mV, -50 mV); }
                }
                simulate N { dt = 1 ms; duration = 5 ms; seed = 7; }
                """);
        Loihi1Config config = Loihi1Compiler.compile(network, Loihi1CompileOptions.defaults()).config().orElseThrow();
        Set<Integer> distinct = new HashSet<>();
        try (Loihi1Emulator emulator = Loihi1Emulator.fromConfig(new Loihi1ValidatedConfig(config),
                new Loihi1RunOptions(1, true))) {
            Loihi1State state = emulator.state();
            int vth = config.chips().get(0).cores().get(0).thresholdProfiles().get(0).vthMant() << 6;
            for (int g = 0; g < state.compartments(); g++) {
                int v = state.voltage(g);
                assertTrue(v >= 0 && v <= vth, "v " + v + " between reset 0 and threshold " + vth);
                distinct.add(v);
            }
            assertEquals(50, state.compartments());
        }
        assertTrue(distinct.size() > 45, "distinct initial voltages: " + distinct.size());
    }
}
