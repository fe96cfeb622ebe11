package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1SignMode;
import java.util.SplittableRandom;

/**
 * The random wiring the vectorised-loop tests give their cores of soma + auxiliary pairs: full-scale
 * excitatory and inhibitory synapses (repeated, so inputs pile up towards the accumulator's limits),
 * every soma's spikes to a random axon of the next core, and a few host spikes per step.
 */
final class RandomPairWiring {
    private RandomPairWiring() {
    }

    /** Synapses from {@code axons} input axons onto compartments {@code 0..targets-1}, and the somas' outputs. */
    static void wire(Loihi1TestConfig.Core core, SplittableRandom random, int axons, int targets, int pairs,
            int nextCore) {
        core.format(1, 8, Loihi1SignMode.MIXED, 7, 2);
        for (int axon = 0; axon < axons; axon++) {
            for (int k = 0; k < 12; k++) {
                int target = random.nextInt(targets);
                int weight = random.nextBoolean() ? 255 : -255;
                for (int repeat = random.nextInt(1, 5); repeat > 0; repeat--) {
                    core.synapse(axon, 1, target, weight, random.nextInt(3));
                }
            }
        }
        for (int s = 1; s < 2 * pairs; s += 2) {
            core.output(s, 0, nextCore, random.nextInt(axons));
        }
    }

    /** Up to three host spikes per step onto random axons of random cores of chip 0. */
    static void spikes(Loihi1TestConfig config, SplittableRandom random, int steps, int cores, int axons) {
        for (int t = 0; t < steps; t++) {
            for (int k = random.nextInt(4); k > 0; k--) {
                config.spike(t, 0, random.nextInt(cores), random.nextInt(axons));
            }
        }
    }
}
