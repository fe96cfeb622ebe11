package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class Loihi1LaneWarmUpTest {

    @Test
    void stopEndsTheWarmUpBeforeReturning() {
        Loihi1LaneWarmUp.start();
        Loihi1LaneWarmUp.stop();
        assertFalse(Loihi1LaneWarmUp.running(), "stepping must never share a processor with the warm-up");
        Loihi1LaneWarmUp.start();
        assertFalse(Loihi1LaneWarmUp.running(), "the warm-up runs at most once per JVM");
    }
}
