package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;

/**
 * The run behind a network's divergence floor: the float reference once more, with the smallest
 * change to its spike traffic a discrete-time engine can make, namely a spike arriving one
 * step late: the first spike of each neuron population, at every one of its targets
 * ({@link ReferenceSimulator#delayFirstSpikes()}).
 *
 * <p>Why a spike and not a voltage. The chip and the reference step on the same grid, and the
 * chip's arithmetic (voltages rounded to an LSB at every step, decays and weights quantized)
 * changes what the network does only once it moves some spike to a neighbouring step: networks of
 * LIF neurons are stable against infinitesimal perturbations (Jahnke, Memmesheimer and Timme
 * 2008; Monteforte and Wolf 2012, "stable chaos"), and a sub-step change of voltage that moves no
 * spike is forgotten. (Moving every initial voltage of the CUBA sample by one LSB of the chip's
 * voltage scale, about 5 nV, leaves all 4,000 spike trains identical over 3,000 steps.) One spike
 * one step late is where any difference between two engines starts to count, and the first spike
 * of the run gives it all the run to grow, as the chip's differences have. Each population's
 * first, not only the network's: a population a slow drive recruits later (inhibitory cells that
 * start firing once a modulator has raised the excitatory cells' rate) starts its own dynamics
 * there, and the network's very first spike may fall in a quiet transient that forgets it. The
 * {@code l5_pyramidal_two_comp} sample is such a case: its first pyramidal spike reaches the
 * silent interneurons and is forgotten (floor 0.000), while the reference run with one projection's
 * weight 0.1 % larger diverges from itself by 0.42 (pyr) and 0.50 (pv) per spike.
 *
 * <p>So the floor is a lower bound on how far any engine that differs at all can be expected to
 * track the reference: a network that forgets the change (not chaotic) scores near 0 and the floor
 * never excuses it; a chaotic one amplifies it into spike trains as unrelated to the reference's
 * as the emulation's are, and the emulation is judged against that.
 */
public final class DivergenceFloor {

    /** What the floor's perturbation is, for reports. */
    public static final String PERTURBATION = "when each neuron's first spike arrives one step late";

    private DivergenceFloor() {
    }

    /**
     * Runs the float reference of {@code network} with {@code options}, the first spike of each of
     * its neuron populations delivered one step late.
     */
    public static Recording perturbedReference(Network network, ReferenceOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(options, "options is null");
        ReferenceSimulator simulator = ReferenceSimulator.create(network, options);
        simulator.delayFirstSpikes();
        return simulator.run();
    }
}
