package io.neuromap.emulator.loihi1;

import io.neuromap.backends.loihi1.Loihi1FixedPoint;
import io.neuromap.backends.loihi1.Loihi1Limits;

/**
 * nengo-loihi's arithmetic ({@code EmulatorInterface}, specs/loihi1.md §2.2): the synaptic input q
 * (already summed with per-weight scaling {@code w << weight_exp << 6} in the ring) wraps at 21
 * bits plus sign ("Overflow in q0"); u decays toward zero and adds q, wrapping at 23 bits plus
 * sign ("Overflow in current"); U′ = u + bias wraps again ("Overflow in u2") and u itself keeps
 * no bias.
 */
final class Loihi1NengoLoihiKernel extends Loihi1Kernel {

    Loihi1NengoLoihiKernel(Loihi1State state, Loihi1CompartmentTables tables, Loihi1Dendrites dendrites,
            Loihi1Overflows overflows, boolean specialise) {
        super(state, tables, dendrites, overflows, specialise);
    }

    @Override
    long current(int core, int g, int i, int[] ring, int base, int n, int step) {
        final int pos = base + i;
        final int q = ring[pos];
        ring[pos] = 0;
        final long q0 = Loihi1FixedPoint.wrapSigned(q, Loihi1Limits.Q_BITS);
        if (q0 != q) {
            overflows.record(core, Loihi1OverflowKind.Q0, step, i, q);
        }
        state.input[g] = (int) q0;
        final long u = decay(state.current[g], tables.decayU[g]) + q0;
        final long uw = Loihi1FixedPoint.wrapSigned(u, Loihi1Limits.U_BITS);
        if (uw != u) {
            overflows.record(core, Loihi1OverflowKind.CURRENT, step, i, u);
        }
        state.current[g] = (int) uw;
        final long u2 = uw + tables.bias[g];
        final long u2w = Loihi1FixedPoint.wrapSigned(u2, Loihi1Limits.U_BITS);
        if (u2w != u2) {
            overflows.record(core, Loihi1OverflowKind.U2, step, i, u2);
        }
        return u2w;
    }
}
