package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs behind a network's divergence floor: the float reference again, with the smallest
 * changes a discrete-time engine and a chip's learning rule can make, in the order
 * {@link Validation} tries them.
 *
 * <p><b>First, a spike arriving one step late:</b> the first spike of every neuron, at every one of
 * its targets ({@link ReferenceSimulator#delayFirstSpikes()}). Why a spike and not a voltage: the
 * chip and the reference step on the same grid, and the chip's arithmetic (voltages rounded to an
 * LSB at every step, decays and weights quantized) changes what the network does only once it
 * moves some spike to a neighbouring step: networks of LIF neurons are stable against
 * infinitesimal perturbations (Jahnke, Memmesheimer and Timme 2008; Monteforte and Wolf 2012,
 * "stable chaos"), and a sub-step change of voltage that moves no spike is forgotten. (Moving
 * every initial voltage of the CUBA sample by one LSB of the chip's voltage scale, about 5 nV,
 * leaves all 4,000 spike trains identical over 3,000 steps.) Every neuron's first spike, not only
 * the network's: the network's very first spike may fall in a quiet transient that forgets it
 * ({@code l5_pyramidal_two_comp}: its first pyramidal spike reaches silent interneurons, floor
 * 0.000, while one projection's weight 0.1 % larger makes the reference diverge from itself by
 * 0.42 and 0.50 per spike).
 *
 * <p><b>Then, for a network that learns, the balance of its learning rules:</b> the same, with
 * every plastic projection's {@code A_minus} moved by {@link #DEPRESSION_CHANGES} (0.4 % and 1.6 %,
 * either way; {@link ReferenceSimulator#scaleDepression}). A chip realises a rule's amplitudes
 * only to its own resolution (Loihi 1: 4-bit mantissas, steps of at least 1/16), and a plastic
 * network can turn a difference far below that into a different history: after each reward,
 * {@code distal_reward_lif} settles in a quiet or an active state for the next 10 s, and which one
 * hangs on such a change (over 60 s, A_minus 0.4 % larger: rates 4.5 % and 17.5 % apart, van
 * Rossum 1.58 and 2.21; 0.4 % smaller: 0.9 % and 4.8 %, 0.72 and 0.85). Spike delays alone do not
 * reach that branching: the learned weights average over many spikes and stay on their branch.
 * One draw is a lottery, so there are four, and the floor is the largest difference over those
 * run.
 *
 * <p>So the floor is how far the reference itself strays under changes smaller than any the chip
 * makes: a network that forgets them (not chaotic, not branching) scores near 0 and its floor
 * never excuses the emulation; one that amplifies them is judged against what it does to itself.
 */
public final class DivergenceFloor {

    /** The first run's perturbation, for reports. */
    public static final String PERTURBATION = "each neuron's first spike one step late";

    /** The relative changes of every A_minus in the runs after the first, in the order they are tried. */
    static final double[] DEPRESSION_CHANGES = {0x1p-8, -0x1p-8, 0x1p-6, -0x1p-6};

    private DivergenceFloor() {
    }

    /**
     * The floor's runs of {@code network} with {@code options}: the first spikes late, and, when
     * the float reference lets some projection of it learn, the same with each of
     * {@link #DEPRESSION_CHANGES} applied to every A_minus.
     */
    public static List<FloorRun> runs(Network network, ReferenceOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(options, "options is null");
        List<FloorRun> runs = new ArrayList<>();
        runs.add(new FloorRun(PERTURBATION, () -> perturbedReference(network, options, 1)));
        if (ReferenceSimulator.learns(network)) {
            for (double change : DEPRESSION_CHANGES) {
                String what = String.format(Locale.ROOT, "%s, every A_minus %.2f%% %s", PERTURBATION,
                        100 * Math.abs(change), change > 0 ? "larger" : "smaller");
                runs.add(new FloorRun(what, () -> perturbedReference(network, options, 1 + change)));
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Runs the float reference of {@code network} with {@code options}, the first spike of each
     * neuron delivered one step late and every A_minus multiplied by {@code depression}.
     */
    static Recording perturbedReference(Network network, ReferenceOptions options, double depression) {
        ReferenceSimulator simulator = ReferenceSimulator.create(network, options);
        simulator.delayFirstSpikes();
        if (depression != 1) {
            simulator.scaleDepression(depression);
        }
        return simulator.run();
    }
}
