package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The thread count an emulator starts: the default grows with the network (one thread per
 * {@link Loihi1RunOptions#COMPARTMENTS_PER_THREAD} compartments, up to the processors), an explicit
 * count is taken as given, and neither exceeds the cores.
 */
class Loihi1RunOptionsTest {

    @Test
    void theDefaultStartsOneThreadPerFiftyThousandCompartmentsUpToTheProcessors() {
        Loihi1RunOptions eight = new Loihi1RunOptions(8, false, true);
        assertEquals(1, eight.threadsFor(8, 8_000), "CUBA 4k");
        assertEquals(1, eight.threadsFor(2, 900), "quickstart");
        assertEquals(4, eight.threadsFor(1_977, 200_000), "CUBA 100k");
        assertEquals(8, eight.threadsFor(20_000, 2_000_000), "at most the processors");
        assertEquals(3, eight.threadsFor(3, 2_000_000), "at most the cores");
    }

    @Test
    void anExplicitCountIsTakenAsGivenUpToTheCores() {
        Loihi1RunOptions two = Loihi1RunOptions.defaults().withThreads(2);
        assertEquals(2, two.threadsFor(8, 8_000));
        assertEquals(1, two.threadsFor(1, 8_000));
        assertEquals(2, two.withStrict(true).threadsFor(8, 10), "strictness keeps the count");
        assertEquals(1, Loihi1RunOptions.defaults().withStrict(true).threadsFor(8, 10), "and the sizing");
    }
}
