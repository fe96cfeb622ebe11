package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ir.Network;
import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.reference.ReferenceOptions;
import io.neuromap.emulator.reference.ReferenceSimulator;

/**
 * The run behind a network's divergence floor: the float reference once more, with the smallest
 * change to its spike traffic a discrete-time engine can make, namely one spike arriving one
 * step late ({@link ReferenceSimulator#delayNextSpike()}: the first spike a neuron fires, at
 * every one of its targets).
 *
 * <p>Why a spike and not a voltage. The chip and the reference step on the same grid, and the
 * chip's arithmetic (voltages rounded to an LSB at every step, decays and weights quantized)
 * changes what the network does only once it moves some spike to a neighbouring step: networks of
 * LIF neurons are stable against infinitesimal perturbations (Jahnke, Memmesheimer and Timme
 * 2008; Monteforte and Wolf 2012, "stable chaos"), and a sub-step change of voltage that moves no
 * spike is forgotten. (Moving every initial voltage of the CUBA sample by one LSB of the chip's
 * voltage scale, about 5 nV, leaves all 4,000 spike trains identical over 3,000 steps.) One spike
 * one step late is where any difference between two engines starts to count, and the first spike
 * of the run gives it all the run to grow, as the chip's differences have.
 *
 * <p>So the floor is a lower bound on how far any engine that differs at all can be expected to
 * track the reference: a network that forgets the change (not chaotic) scores near 0 and the floor
 * never excuses it; a chaotic one amplifies it into spike trains as unrelated to the reference's
 * as the emulation's are, and the emulation is judged against that.
 */
public final class DivergenceFloor {

    /** What the floor's perturbation is, for reports. */
    public static final String PERTURBATION = "when its first spike arrives one step late";

    private DivergenceFloor() {
    }

    /**
     * Runs the float reference of {@code network} with {@code options}, its first neuron spike
     * delivered one step late.
     */
    public static Recording perturbedReference(Network network, ReferenceOptions options) {
        requireNonNull(network, "network is null");
        requireNonNull(options, "options is null");
        ReferenceSimulator simulator = ReferenceSimulator.create(network, options);
        simulator.delayNextSpike();
        return simulator.run();
    }
}
