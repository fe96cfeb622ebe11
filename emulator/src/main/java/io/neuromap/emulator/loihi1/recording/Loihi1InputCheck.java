package io.neuromap.emulator.loihi1.recording;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.lower.Loihi1Lowering;
import io.neuromap.backends.loihi1.lower.SpikeSource;
import io.neuromap.compiler.ir.Population;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.validate.SpikeTrains;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the chip and the float reference see the same input spikes: for every spike-source
 * population of the network (Poisson trains and spike lists, drawn from the IR's keyed random
 * streams), the steps the lowering put into the config's spike stimuli must be the steps the
 * float reference fired that population in. {@code validate} compares the two runs only if this
 * holds; a mismatch is a bug in neuromap, not in the user's network.
 *
 * <p>Stimuli the lowering turned into extra source populations (those after the network's own
 * populations) drive the reference through its stimulus path, which records no spikes; they are
 * drawn from the same keyed streams.
 */
public final class Loihi1InputCheck {

    private Loihi1InputCheck() {
    }

    /**
     * The names of the network's source populations whose input differs between the lowering and
     * {@code reference} in the first {@code steps} steps, each with its first differing neuron;
     * empty when they agree. {@code reference} must have recorded every neuron's spikes.
     */
    public static List<String> mismatches(Loihi1Lowering lowering, Recording reference, long steps) {
        requireNonNull(lowering, "lowering is null");
        requireNonNull(reference, "reference is null");
        List<Population> pops = lowering.network().populations();
        int neurons = 0;
        for (int p = 0; p < lowering.originalPopulations(); p++) {
            neurons = Math.max(neurons, pops.get(p).offset() + pops.get(p).size());
        }
        SpikeTrains trains = SpikeTrains.of(reference.spikes(), neurons, steps);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < lowering.originalPopulations(); p++) {
            SpikeSource source = lowering.sources().get(p);
            if (source == null) {
                continue;
            }
            Population pop = pops.get(p);
            for (int i = 0; i < pop.size(); i++) {
                long[] chip = source.steps(i, steps);
                int g = pop.offset() + i;
                if (!same(chip, trains.train(g))) {
                    out.add(pop.name() + " (neuron " + i + ": " + chip.length + " input spikes on the chip, "
                            + trains.count(g) + " in the float reference)");
                    break;
                }
            }
        }
        return out;
    }

    private static boolean same(long[] chip, int[] reference) {
        if (chip.length != reference.length) {
            return false;
        }
        for (int k = 0; k < chip.length; k++) {
            if (chip[k] != reference[k]) {
                return false;
            }
        }
        return true;
    }
}
