package io.neuromap.backends.loihi1.lower;

import io.neuromap.backends.loihi1.config.Loihi1JoinOp;
import io.neuromap.backends.loihi1.config.Loihi1StackIn;
import io.neuromap.backends.loihi1.config.Loihi1StackOut;
import io.neuromap.backends.loihi1.config.Loihi1ThresholdOp;

/**
 * The part a Loihi 1 compartment plays in a lowered neuron. Loihi 1 gives each compartment one
 * synaptic current with one decay (loihi1.md §2.2), so a neuron whose model has more than one
 * current or more than one membrane becomes a small tree of compartments joined with ADD
 * through the core's stack (loihi1-compartments-reward.md §1.4):
 * <ul>
 *   <li>{@link #SOMA}: the spiking compartment; its current is the excitatory one when the
 *       inhibitory current has its own compartment;</li>
 *   <li>{@link #SOMA_AUX}: holds the soma's inhibitory current (its own decay) and pushes
 *       {@code U' = u + bias} into the soma (DESIGN.md, the chip config contract);</li>
 *   <li>{@link #DENDRITE}: the passive dendrite of {@code two_comp}; pushes its voltage, which the
 *       soma adds as the coupling current;</li>
 *   <li>{@link #DENDRITE_AUX}: the dendrite's inhibitory current, pushed into the dendrite.</li>
 * </ul>
 * Children never spike ({@code no_spike_and_pass_v}) and have no refractory period (the spec's
 * advice for pushing compartments, compartments-reward §5).
 */
public enum CompartmentRole {
    SOMA("soma"),
    SOMA_AUX("aux"),
    DENDRITE("dendrite"),
    DENDRITE_AUX("dendrite.aux");

    private final String originName;

    CompartmentRole(String originName) {
        this.originName = originName;
    }

    /** The compartment name the origin table gives compartments of this role. */
    public String originName() {
        return originName;
    }

    /** True for the roles that hold a second synaptic current. */
    public boolean isAuxiliary() {
        return this == SOMA_AUX || this == DENDRITE_AUX;
    }

    /** What a compartment of this role does above threshold. */
    Loihi1ThresholdOp thresholdOp() {
        return this == SOMA ? Loihi1ThresholdOp.SPIKE_AND_RESET : Loihi1ThresholdOp.NO_SPIKE_AND_PASS_V;
    }

    /** What it pushes for its parent. */
    Loihi1StackOut stackOut() {
        switch (this) {
            case SOMA:
                return Loihi1StackOut.SKIP;
            case DENDRITE:
                return Loihi1StackOut.PUSH;
            default:
                return Loihi1StackOut.PUSH_U;
        }
    }

    /** What it pops for {@code children} children (0, 1 or 2). */
    static Loihi1StackIn stackIn(int children) {
        return children == 0 ? Loihi1StackIn.SKIP : children == 1 ? Loihi1StackIn.POP_A : Loihi1StackIn.POP_A_AND_B;
    }

    /** How it joins {@code children} children: ADD whenever it has any. */
    static Loihi1JoinOp join(int children) {
        return children == 0 ? Loihi1JoinOp.SKIP : Loihi1JoinOp.ADD;
    }
}
