package io.neuromap.emulator.loihi1;

/**
 * Overflow counters per core and kind, and the first overflow of each core, written by the thread
 * that updates the core. Reading them on the stepping thread after a step's barrier gives the
 * same totals and the same "first" overflow for any thread count: totals are sums, and the first
 * overflow of a step is the one of the lowest core index, within it the lowest compartment in
 * update order.
 *
 * <p>Counters of different cores are {@link #STRIDE} longs apart, so threads updating
 * neighbouring cores do not share a cache line.
 */
final class Loihi1Overflows {

    /** Longs per core: one cache line, more than {@link Loihi1OverflowKind} has kinds. */
    static final int STRIDE = 8;

    private static final Loihi1OverflowKind[] KINDS = Loihi1OverflowKind.values();

    private final long[] counts;
    private final int[] firstStep;
    private final int[] firstCompartment;
    private final int[] firstKind;
    private final long[] firstValue;

    Loihi1Overflows(int cores) {
        counts = new long[cores * STRIDE];
        firstStep = new int[cores];
        firstCompartment = new int[cores];
        firstKind = new int[cores];
        firstValue = new long[cores];
        java.util.Arrays.fill(firstStep, -1);
    }

    /** Counts one overflow of {@code kind} at (core, compartment) in {@code step}; {@code value} is the unwrapped value. */
    void record(int core, Loihi1OverflowKind kind, int step, int compartment, long value) {
        counts[core * STRIDE + kind.ordinal()]++;
        if (firstStep[core] < 0) {
            firstStep[core] = step;
            firstCompartment[core] = compartment;
            firstKind[core] = kind.ordinal();
            firstValue[core] = value;
        }
    }

    /** Total overflows of {@code kind} over all cores. */
    long total(Loihi1OverflowKind kind) {
        long sum = 0;
        for (int i = kind.ordinal(); i < counts.length; i += STRIDE) {
            sum += counts[i];
        }
        return sum;
    }

    /** Total overflows of every kind, as {@link Loihi1OverflowCounts}. */
    Loihi1OverflowCounts totals() {
        return new Loihi1OverflowCounts(total(Loihi1OverflowKind.Q0), total(Loihi1OverflowKind.CURRENT),
                total(Loihi1OverflowKind.U2), total(Loihi1OverflowKind.JOIN));
    }

    /** The lowest core index that has overflowed, or -1. */
    int firstCore() {
        for (int c = 0; c < firstStep.length; c++) {
            if (firstStep[c] >= 0) {
                return c;
            }
        }
        return -1;
    }

    int firstStep(int core) {
        return firstStep[core];
    }

    int firstCompartment(int core) {
        return firstCompartment[core];
    }

    Loihi1OverflowKind firstKind(int core) {
        return KINDS[firstKind[core]];
    }

    long firstValue(int core) {
        return firstValue[core];
    }
}
