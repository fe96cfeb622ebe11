package io.neuromap.emulator.validate;

/**
 * The van Rossum distance between two spike trains (van Rossum 2001, Neural Comput 13:751), in
 * closed form. Each train is filtered with a causal exponential kernel {@code e^(-t/tau)}, and
 * the distance is {@code D^2 = (1/tau) * integral (f_a(t) - f_b(t))^2 dt}, which for trains
 * {@code a} and {@code b} equals
 *
 * <pre>
 *   D^2 = 1/2 [ S(a, a) + S(b, b) - 2 S(a, b) ],   S(x, y) = sum_i sum_j exp(-|x_i - y_j| / tau)
 * </pre>
 *
 * so one spike against no spike is {@code D^2 = 1/2}, and a spike moved by {@code d} adds
 * {@code 1 - e^(-d/tau)}. Each double sum is computed in one sweep over the merged trains by
 * carrying each train's filtered value forward (exponential filtering): {@code O(n_a + n_b)}
 * time, no allocation, instead of the {@code O(n_a n_b)} of the sums written out.
 *
 * <p>Times are steps (ints) and {@code tau} is in steps, so callers never convert spike lists.
 */
public final class VanRossum {

    private VanRossum() {
    }

    /**
     * {@code D^2} between {@code a[aFrom..aTo)} and {@code b[bFrom..bTo)}, each ascending.
     *
     * @param tau the kernel's time constant in the unit of the spike times, &gt; 0
     */
    public static double squaredDistance(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (aFrom > aTo || bFrom > bTo) {
            throw new IllegalArgumentException("empty or reversed range");
        }
        double self = selfSum(a, aFrom, aTo, tau) + selfSum(b, bFrom, bTo, tau);
        double cross = crossSum(a, aFrom, aTo, b, bFrom, bTo, tau);
        // The sums nearly cancel for close trains; rounding must not make the square negative.
        return Math.max(0, 0.5 * (self - 2 * cross));
    }

    /**
     * The distance per spike between neurons {@code [from, to)} of two recordings:
     *
     * <pre>
     *   d = sum_i D_i^2 / ((n_a + n_b) / 2)
     * </pre>
     *
     * with {@code D_i^2} neuron i's squared distance and {@code n_a}, {@code n_b} the spikes of the
     * neurons in each; 0 when neither spiked. Since a spike with no partner within a few tau adds
     * 1/2 to {@code D^2}, trains that share nothing score 1 (a train against silence too); so do
     * independent Poisson trains of equal rates, in expectation ({@code E D^2 = (n_a + n_b)/2 +
     * tau T (r_a - r_b)^2} for rates r over a time T, so unequal rates score above 1; on a grid of
     * steps, trains firing with probability p per step also coincide by chance and score
     * {@code 1 - p}); identical trains score 0 and one spike missing among n scores
     * {@code 1/(2n - 1)}.
     *
     * @param tau the kernel's time constant in steps, &gt; 0
     */
    public static double perSpike(SpikeTrains a, SpikeTrains b, int from, int to, double tau) {
        if (from < 0 || from > to || to > a.neurons() || to > b.neurons()) {
            throw new IllegalArgumentException("neurons [" + from + ", " + to + ") are not in both recordings");
        }
        double squared = 0;
        for (int g = from; g < to; g++) {
            squared += squaredDistance(a.steps(), a.from(g), a.to(g), b.steps(), b.from(g), b.to(g), tau);
        }
        double meanCount = (a.count(from, to) + b.count(from, to)) / 2.0;
        return meanCount == 0 ? 0 : squared / meanCount;
    }

    /** {@code D^2} between two whole ascending trains. */
    public static double squaredDistance(int[] a, int[] b, double tau) {
        return squaredDistance(a, 0, a.length, b, 0, b.length, tau);
    }

    /** {@code D} between two whole ascending trains. */
    public static double distance(int[] a, int[] b, double tau) {
        return Math.sqrt(squaredDistance(a, b, tau));
    }

    /**
     * {@code S(x, x) = n + 2 sum_{i>j} e^(-(x_i - x_j)/tau)}, with {@code m_i = sum_{j<i}
     * e^(-(x_i - x_j)/tau) = e^(-(x_i - x_{i-1})/tau) (1 + m_{i-1})}.
     */
    private static double selfSum(int[] x, int from, int to, double tau) {
        double m = 0;
        double sum = 0;
        for (int i = from + 1; i < to; i++) {
            m = Math.exp(-(x[i] - (double) x[i - 1]) / tau) * (1 + m);
            sum += m;
        }
        return (to - from) + 2 * sum;
    }

    /**
     * {@code S(a, b)}: sweeps both trains in time order carrying each one's filtered value; a
     * spike of one train adds the other's filtered value at its time, which holds every earlier
     * spike of the other train and the simultaneous ones already swept (a before b at equal
     * times), so each pair is counted exactly once.
     */
    private static double crossSum(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, double tau) {
        double fa = 0;
        double fb = 0;
        double last = 0;
        double sum = 0;
        int i = aFrom;
        int j = bFrom;
        while (i < aTo || j < bTo) {
            boolean takeA = j >= bTo || (i < aTo && a[i] <= b[j]);
            double t = takeA ? a[i] : b[j];
            if (t != last) {
                double decay = Math.exp(-(t - last) / tau);
                fa *= decay;
                fb *= decay;
                last = t;
            }
            if (takeA) {
                sum += fb;
                fa += 1;
                i++;
            } else {
                sum += fa;
                fb += 1;
                j++;
            }
        }
        return sum;
    }
}
