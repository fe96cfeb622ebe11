package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One entry of a core's compartment-profile table ({@code CxProfileCfg}, 32 per core): the fields
 * compartments share. Two compartments can share a profile only if all of these are equal; bias
 * and threshold are elsewhere (per compartment, and in threshold profiles). The tree wiring
 * (stack in/out, join) is part of the profile, so compartments in different tree roles need
 * different profiles even with equal decays.
 *
 * <p>Ranges are checked by {@link Loihi1ConfigValidator}, not here, so that a hand-written config
 * gets every problem reported with its location instead of the first one as an exception.
 *
 * @param decayU current decay, 0..4095 ({@code du}, {@code decay_u}, {@code decayU}); the current
 *     decays by {@code 4096 - (decayU + dsOffset)}
 * @param decayV voltage decay, 0..4095 ({@code dv}, {@code decay_v}, {@code decayV}); the voltage
 *     decays by {@code 4096 - (decayV + dmOffset)}
 * @param refractDelay refractory delay, 1..63 steps ({@code refract_delay}); 1 means none
 * @param threshOp what happens above threshold
 * @param joinOp how popped stack values join the compartment's input
 * @param stackIn what the compartment takes from the stack
 * @param stackOut what the compartment pushes
 * @param bapSources events that trigger a back-propagating action potential
 * @param bapActions what a back-propagating action potential does
 * @see "specs/loihi1-compartments-reward.md §1.2-§1.5"
 */
public record Loihi1CompartmentProfile(int decayU, int decayV, int refractDelay, Loihi1ThresholdOp threshOp,
        Loihi1JoinOp joinOp, Loihi1StackIn stackIn, Loihi1StackOut stackOut, Set<Loihi1BapSource> bapSources,
        Set<Loihi1BapAction> bapActions) {

    public Loihi1CompartmentProfile {
        requireNonNull(threshOp, "threshOp is null");
        requireNonNull(joinOp, "joinOp is null");
        requireNonNull(stackIn, "stackIn is null");
        requireNonNull(stackOut, "stackOut is null");
        bapSources = Set.copyOf(requireNonNull(bapSources, "bapSources is null"));
        bapActions = Set.copyOf(requireNonNull(bapActions, "bapActions is null"));
    }

    /** A single-compartment LIF profile: spike and reset, no stack, no back-propagation. */
    public static Loihi1CompartmentProfile lif(int decayU, int decayV, int refractDelay) {
        return new Loihi1CompartmentProfile(decayU, decayV, refractDelay, Loihi1ThresholdOp.SPIKE_AND_RESET,
                Loihi1JoinOp.SKIP, Loihi1StackIn.SKIP, Loihi1StackOut.SKIP, Set.of(), Set.of());
    }

    /** This profile with other stack and join settings (for tree roles). */
    public Loihi1CompartmentProfile withTree(Loihi1ThresholdOp thresh, Loihi1JoinOp join, Loihi1StackIn in,
            Loihi1StackOut out) {
        return new Loihi1CompartmentProfile(decayU, decayV, refractDelay, thresh, join, in, out, bapSources,
                bapActions);
    }
}
