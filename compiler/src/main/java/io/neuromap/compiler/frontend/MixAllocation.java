package io.neuromap.compiler.frontend;

/**
 * How many neurons of a {@code mix} population each cell type gets: {@code floor(f_i * N)} each,
 * then the neurons left over go one each to the largest remainders (ties to the earlier entry).
 * The counts sum to N and differ from {@code f_i * N} by less than one. Analysis uses this to check
 * slices and connector sizes of {@code pop.CellType} endpoints; elaboration must use the same.
 * Neurons are laid out in entry order: the first {@code counts[0]} are of the first cell type.
 */
public final class MixAllocation {
    private MixAllocation() {
    }

    /** The count per entry; {@code fractions} are in (0, 1] and sum to 1. */
    public static long[] counts(long size, double[] fractions) {
        long[] counts = new long[fractions.length];
        double[] remainders = new double[fractions.length];
        long assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            double exact = fractions[i] * size;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = size - assigned; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < fractions.length; i++) {
                if (best < 0 || remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }
}
