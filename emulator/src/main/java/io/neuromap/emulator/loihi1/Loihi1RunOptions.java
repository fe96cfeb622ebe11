package io.neuromap.emulator.loihi1;

/**
 * How to run an emulation. Neither option changes a result: every thread count gives the same
 * integers, and strictness only decides whether the first overflow stops the run.
 *
 * @param threads worker threads, at least 1 (more than the system's cores are not started)
 * @param strict whether the first fixed-point overflow is an error, as nengo-loihi's
 *     {@code strict=True} ({@link Loihi1OverflowException}); otherwise overflows are counted
 */
public record Loihi1RunOptions(int threads, boolean strict) {

    public Loihi1RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** All available processors, not strict. */
    public static Loihi1RunOptions defaults() {
        return new Loihi1RunOptions(Runtime.getRuntime().availableProcessors(), false);
    }

    /** These options with {@code threads} worker threads. */
    public Loihi1RunOptions withThreads(int threads) {
        return new Loihi1RunOptions(threads, strict);
    }

    /** These options, strict or not. */
    public Loihi1RunOptions withStrict(boolean strict) {
        return new Loihi1RunOptions(threads, strict);
    }
}
