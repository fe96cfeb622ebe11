package io.neuromap.backends.loihi1.config;

import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * The registers a core has once ({@code DendriteSharedCfg}, {@code DendriteAccumCfg}): every
 * compartment on the core shares them, so they are compatibility classes for the partitioner.
 * Noise settings, inhibition flags and the learning epoch are not in format version 1.
 *
 * @param vminExp vmin exponent k: {@code vmin = -2^k + 1} ({@code negVmLimit}); 0 gives vmin 0
 * @param vmaxExp vmax exponent j: {@code vmax = 2^(9 + 2j) - 1} ({@code posVmLimit}), 0..7
 * @param dsOffset current-decay offset, 0 or 1 ({@code dsOffset})
 * @param dmOffset voltage-decay offset, 0 or 1 ({@code dmOffset})
 * @param delayBits dendritic accumulators per compartment as a power of two, 3..6
 *     ({@code delayBits}); the longest synaptic delay field is {@code 2^delayBits - 2}
 * @see "specs/loihi1-compartments-reward.md §3.2, §3.4; specs/loihi1.md §1.1"
 */
public record Loihi1CoreSingletons(int vminExp, int vmaxExp, int dsOffset, int dmOffset, int delayBits) {

    /**
     * nengo-loihi's LIF settings: vmin 0, vmax 2^23 - 1, dsOffset 1, dmOffset 0, delayBits 3.
     *
     * @see "specs/loihi1.md §2.2; golden nengo_loihi_lif_input (vmin = 0, vmax = 2^23 - 1)"
     */
    public static Loihi1CoreSingletons nengoLoihi() {
        return new Loihi1CoreSingletons(Loihi1Limits.VMIN_EXP_MIN, Loihi1Limits.VMAX_EXP_MAX,
                Loihi1Limits.DECAY_U_OFFSET, Loihi1Limits.DECAY_V_OFFSET, Loihi1Limits.DELAY_BITS_MIN);
    }

    /**
     * The settings under which the clamp to [vmin, vmax] equals Lava's symmetric saturation at
     * ±(2^23 - 1): vmin exponent 23, vmax exponent 7, dsOffset 1, dmOffset 0.
     *
     * @see "specs/loihi1.md §2.1"
     */
    public static Loihi1CoreSingletons lava() {
        return new Loihi1CoreSingletons(Loihi1Limits.VMIN_EXP_MAX, Loihi1Limits.VMAX_EXP_MAX,
                Loihi1Limits.DECAY_U_OFFSET, Loihi1Limits.DECAY_V_OFFSET, Loihi1Limits.DELAY_BITS_MIN);
    }

    /** The voltage floor. */
    public long vmin() {
        return Loihi1Limits.vminOfExponent(vminExp);
    }

    /** The voltage ceiling. */
    public long vmax() {
        return Loihi1Limits.vmaxOfExponent(vmaxExp);
    }

    /** The longest synaptic delay field this core's accumulators allow (steps). */
    public int maxDelayField() {
        int best = -1;
        for (int d = 0; d <= Loihi1Limits.MAX_DELAY_FIELD; d++) {
            int bits = Loihi1Limits.delayBitsForDelay(d);
            if (bits >= 0 && bits <= delayBits) {
                best = d;
            }
        }
        return best;
    }
}
