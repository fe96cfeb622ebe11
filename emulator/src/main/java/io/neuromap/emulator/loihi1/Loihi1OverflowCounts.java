package io.neuromap.emulator.loihi1;

/**
 * How many times each fixed-point register overflowed during a run, summed over all compartments
 * and steps (a run summary's {@code overflow} counts). Non-zero counts mean the chip's integers
 * wrapped where the network's model would not have: nengo-loihi warns about each, and a strict run
 * stops at the first.
 *
 * @param q0 wraps of the dendritic accumulator q (21 bits plus sign; nengo-loihi only)
 * @param current wraps of the current u (23 bits plus sign; Lava's ±2^24 correction)
 * @param u2 wraps of u + bias (nengo-loihi only)
 * @param join join increments outside 24 bits (dendritic trees; behaviour unverified on hardware)
 */
public record Loihi1OverflowCounts(long q0, long current, long u2, long join) {

    /** The count of {@code kind}. */
    public long of(Loihi1OverflowKind kind) {
        switch (kind) {
            case Q0:
                return q0;
            case CURRENT:
                return current;
            case U2:
                return u2;
            case JOIN:
                return join;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /** The sum over all kinds. */
    public long total() {
        return q0 + current + u2 + join;
    }
}
