package io.neuromap.emulator.loihi1;

import static io.neuromap.emulator.loihi1.Loihi1JoinTest.series;
import static io.neuromap.emulator.loihi1.Loihi1JoinTest.spikeSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1CompartmentProfile;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's initial u and v ({@code initial_state}) are in the state before step 0: a voltage
 * above threshold fires in step 0, a held voltage stays where it was set, an initial current
 * drives the voltage from step 0 on, and unlisted compartments start at 0.
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
}
