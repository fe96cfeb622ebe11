package io.neuromap.emulator.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.backends.loihi1.config.Loihi1Arithmetic;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import io.neuromap.backends.loihi1.config.Loihi1Learning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compartment spikes into a learning core go through its inbox (its learning phase registers them
 * and, at an epoch's end, delivers them before the update), all others through the source-major
 * fan-out ({@link Loihi1Routing}). With only some cores learning, both paths run in one step:
 * a learning core whose rule changes nothing must compute exactly what the same core computes
 * without learning (the inbox path and the early delivery add the same integers the fan-out
 * adds), and a network where half the cores learn gives the same spikes, probes and weight
 * samples under every compartment loop and thread count.
 */
class Loihi1LearningRoutingTest {
    /**
     * Not a multiple of the epoch (4): a run whose last step ends an epoch delivers (and counts)
     * that step's spikes into the learning cores early, spikes a run without learning never
     * delivers, so its synaptic event count would be larger by them.
     */
    private static final int STEPS = 158;

    /** {@code withLearning}'s section restricted to the even cores, with {@code rules} in place of its rules. */
    private static Loihi1Config evenCoresLearn(Loihi1Config plain, List<Loihi1Learning.Rule> rules) {
        Loihi1Learning all = Loihi1LearningEmulatorTest.withLearning(plain).learning();
        List<Loihi1Learning.Core> cores = new ArrayList<>();
        List<Loihi1Learning.SynapseSet> probed = new ArrayList<>();
        for (int k = 0; k < all.cores().size(); k += 2) {
            Loihi1Learning.Core core = all.cores().get(k);
            cores.add(core);
            for (Loihi1Learning.SynapseSet set : all.weightProbes().get(0).sets()) {
                if (set.chip() == core.chip() && set.core() == core.core()) {
                    probed.add(set);
                }
            }
        }
        return plain.withLearning(new Loihi1Learning(all.seed(), rules == null ? all.rules() : rules, cores,
                List.of(new Loihi1Learning.WeightProbe("w", 40, probed))));
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void learningCoresWhoseRulesChangeNothingComputeWhatTheyComputeWithoutLearning(Loihi1Arithmetic arithmetic)
            throws Exception {
        Loihi1Config plain = Loihi1RandomNetwork.generate(4242L, arithmetic, 6, 300, 20, STEPS, 30);
        Loihi1Learning.Trace trace = new Loihi1Learning.Trace(32, 20);
        Loihi1Learning.Rule still = new Loihi1Learning.Rule("still", List.of(), List.of(), trace, trace, null);
        Loihi1Learning.Rule stillReward = new Loihi1Learning.Rule("still_reward", List.of(), List.of(), trace, trace,
                new Loihi1Learning.Trace(40.5, 50));
        Loihi1Emulation learning = Loihi1Emulation.of(evenCoresLearn(plain, List.of(still, stillReward)));
        assertEquals(List.of(), learning.violations());
        Loihi1RunResult without = Loihi1Emulation.of(plain).run(STEPS, new Loihi1RunOptions(1, false));
        Loihi1RunResult with = learning.run(STEPS, new Loihi1RunOptions(1, false));
        assertTrue(without.spikes().count() > 10L * STEPS, "spikes: " + without.spikes().count());
        assertEquals(without.spikes(), with.spikes());
        assertEquals(without.traces(), with.traces());
        assertEquals(without.synapticEvents(), with.synapticEvents());
    }

    @ParameterizedTest
    @EnumSource(Loihi1Arithmetic.class)
    void halfTheCoresLearningGiveTheSameResultsUnderEveryLoopAndThreadCount(Loihi1Arithmetic arithmetic)
            throws Exception {
        Loihi1Config plain = Loihi1RandomNetwork.generate(4243L, arithmetic, 6, 300, 20, STEPS, 30);
        Loihi1Emulation emulation = Loihi1Emulation.of(evenCoresLearn(plain, null));
        assertEquals(List.of(), emulation.violations());
        Loihi1RunResult general = emulation.run(STEPS, new Loihi1RunOptions(1, false), Loihi1Loops.GENERAL);
        assertNotEquals(Loihi1Emulation.of(plain).run(STEPS, new Loihi1RunOptions(1, false)).spikes(),
                general.spikes(), "learned weights must reach delivery");
        for (Loihi1Loops loops : Loihi1Loops.values()) {
            for (int threads : new int[] {1, 3}) {
                Loihi1RunResult run = emulation.run(STEPS, new Loihi1RunOptions(threads, false), loops);
                String at = loops + " on " + threads + " threads: ";
                assertEquals(general.spikes(), run.spikes(), at + "spikes");
                assertEquals(general.traces(), run.traces(), at + "probes");
                assertEquals(general.weights(), run.weights(), at + "weight samples");
                assertEquals(general.synapticEvents(), run.synapticEvents(), at + "synaptic events");
            }
        }
    }
}
