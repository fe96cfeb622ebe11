package io.neuromap.backends.loihi1.config;

/**
 * One entry of a core's threshold-profile table ({@code VthProfileCfg}, 8 per core).
 *
 * @param vthMant threshold mantissa, 1..2^17 - 1 ({@code vth} in Lava, {@code vthMant} in NxSDK);
 *     a compartment spikes when {@code v > vthMant << 6}
 * @see "specs/loihi1.md §1.1; specs/loihi1-compartments-reward.md §3.1"
 */
public record Loihi1ThresholdProfile(int vthMant) {
}
