package io.neuromap.emulator.loihi1;

/**
 * How to run an emulation. Neither option changes a result: every thread count gives the same
 * integers, and strictness only decides whether the first overflow stops the run.
 *
 * @param threads worker threads, at least 1 (more than the system's cores are not started)
 * @param strict whether the first fixed-point overflow is an error, as nengo-loihi's
 *     {@code strict=True} ({@link Loihi1OverflowException}); otherwise overflows are counted
 * @param sized whether {@code threads} is only an upper bound, the emulator starting at most one
 *     thread per {@link #COMPARTMENTS_PER_THREAD} compartments ({@link #defaults()}); otherwise
 *     exactly {@code threads} run (never more than there are cores)
 */
public record Loihi1RunOptions(int threads, boolean strict, boolean sized) {

    /**
     * Compartments that make one more thread worth its synchronisation: a step of a smaller
     * network is a few microseconds of work, and handing it to a second thread and back costs
     * more (measured on CUBA: 8,000 compartments ran at half the speed on two threads as on one;
     * 200,000 ran 1.5 times faster).
     */
    public static final int COMPARTMENTS_PER_THREAD = 50_000;

    public Loihi1RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Exactly {@code threads} threads (at most one per core). */
    public Loihi1RunOptions(int threads, boolean strict) {
        this(threads, strict, false);
    }

    /** All available processors, as many as the network's size uses, not strict. */
    public static Loihi1RunOptions defaults() {
        return new Loihi1RunOptions(Runtime.getRuntime().availableProcessors(), false, true);
    }

    /** These options with exactly {@code threads} worker threads. */
    public Loihi1RunOptions withThreads(int threads) {
        return new Loihi1RunOptions(threads, strict, false);
    }

    /** These options, strict or not. */
    public Loihi1RunOptions withStrict(boolean strict) {
        return new Loihi1RunOptions(threads, strict, sized);
    }

    /** The threads to run a network of {@code cores} cores and {@code compartments} compartments on. */
    int threadsFor(int cores, int compartments) {
        int bound = sized ? Math.max(1, compartments / COMPARTMENTS_PER_THREAD) : threads;
        return Math.max(1, Math.min(Math.min(threads, bound), cores));
    }
}
