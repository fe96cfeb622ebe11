package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * Lava's arithmetic ({@code PyLifModelBitAcc} fed by {@code PyDenseModelBitAcc}, specs/loihi1.md
 * §2.1, §2.3). The ring holds, per compartment, one lane of weights whose exponent is
 * non-negative (already shifted: a left shift of a sum equals the sum of shifted weights) and one
 * lane per synapse format with a negative exponent, whose <em>sum</em> is shifted right (floor)
 * here, as Lava's Dense shifts its summed activation; {@code a_in} is the sum of the lanes, as
 * Lava sums the Dense outputs arriving at one port. Then, in Lava's int32 arithmetic:
 * {@code d = trunc_decay(u) + (a_in << 6)} with one ±2^24 correction (range (-2^23, 2^23], the
 * only overflow Lava has), and U′ = u + bias unwrapped (Lava adds the bias to v, and v saturates
 * at the core's limits).
 */
final class Loihi1LavaKernel extends Loihi1Kernel {

    Loihi1LavaKernel(Loihi1State state, Loihi1CompartmentTables tables, Loihi1Dendrites dendrites,
            Loihi1Overflows overflows, Loihi1CoreRuns runs) {
        super(state, tables, dendrites, overflows, runs);
    }

    @Override
    long current(int core, int g, int i, int[] ring, int base, int n, int step) {
        int pos = base + i;
        int a = ring[pos];
        ring[pos] = 0;
        final int lanes = dendrites.lanes[core];
        if (lanes > 1) {
            final int[] shifts = dendrites.laneShift[core];
            for (int lane = 1; lane < lanes; lane++) {
                pos += n;
                a += ring[pos] >> shifts[lane];
                ring[pos] = 0;
            }
        }
        state.input[g] = a;
        // int32 throughout, as numpy computes it: the shift and the sum wrap modulo 2^32.
        int d = (int) decay(state.current[g], tables.decayU[g])
                + (a << Loihi1Limits.ACTIVATION_SHIFT);
        final int[] full = dendrites.fullScaleInput;
        if (full != null) {
            d += full[g];
            full[g] = 0;
        }
        if (Loihi1FixedPoint.lavaCurrentWraps(d)) {
            overflows.record(core, Loihi1OverflowKind.CURRENT, step, i, d);
        }
        final int u = (int) Loihi1FixedPoint.lavaWrapCurrent(d);
        state.current[g] = u;
        return (long) u + tables.bias[g];
    }
}
