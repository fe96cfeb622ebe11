package io.neuromap.emulator.loihi1;

import java.util.SplittableRandom;

/**
 * Runs the pair lanes' step loop ({@link Loihi1PairLanes#fast}) on scratch arrays in a background
 * thread while a config loads, so that the JVM has compiled it (C2, vectorised) by
 * the time the first step runs instead of stepping the first thousand or so steps in slower code.
 * The scratch data belongs to the warm-up alone: nothing of a run is read or written, so results
 * cannot depend on it. It runs at most once per JVM, stops as soon as a run starts stepping
 * ({@link #stop}), and is bounded in any case; on a single processor it is not started, since it
 * would only take time from the load.
 *
 * <p>Only the step loop: warming the pair lanes' reductions ({@code magnitudes}, {@code anyFired})
 * on scratch arrays too made the 100k CUBA network step 8-10 % slower for the whole run, while the
 * step loop warmed alone made both CUBA networks faster (4k, 100,000 steps: 0.69-0.76 s against
 * 0.75-0.85 s; 100k, 10,000 steps: 3.17-3.29 s against 3.47-3.49 s; the same jar with and without).
 */
final class Loihi1LaneWarmUp {

    /** Pairs of the scratch group: long enough that the loop runs in its vectorised main part. */
    private static final int PAIRS = 1024;
    /** An upper bound on the loop calls: C2 compiles after a few hundred. */
    private static final int MAX_CALLS = 6000;

    private static final Object LOCK = new Object();
    private static Thread thread;
    private static volatile boolean stopped;

    private Loihi1LaneWarmUp() {
    }

    /** Starts the warm-up unless it has run (or is running) in this JVM. */
    static void start() {
        synchronized (LOCK) {
            if (thread != null || Runtime.getRuntime().availableProcessors() < 2) {
                return;
            }
            thread = new Thread(Loihi1LaneWarmUp::run, "neuromap-lane-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** Stops the warm-up, if running, and waits for it: stepping never shares a processor with it. */
    static void stop() {
        stopped = true;
        Thread running;
        synchronized (LOCK) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        boolean interrupted = false;
        while (running.isAlive()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the warm-up thread is still running (for tests). */
    static boolean running() {
        synchronized (LOCK) {
            return thread != null && thread.isAlive();
        }
    }

    private static void run() {
        SplittableRandom random = new SplittableRandom(1);
        int[] qa = randomArray(random, 1 << 12);
        int[] qs = randomArray(random, 1 << 12);
        int[] ua = randomArray(random, 1 << 16);
        int[] us = randomArray(random, 1 << 16);
        int[] va = randomArray(random, 1 << 20);
        int[] vs = randomArray(random, 1 << 20);
        int[] refs = new int[PAIRS];
        int[] biasA = new int[PAIRS];
        int[] biasS = randomArray(random, 1 << 10);
        int[] previousA = new int[PAIRS];
        int[] previousS = new int[PAIRS];
        for (int call = 0; call < MAX_CALLS && !stopped; call++) {
            // Both decay forms, as configs take either: a loop compiled for one alone would be thrown
            // away at the first step of the other.
            boolean small = (call & 1) == 0;
            Loihi1PairLanes.fast(qa, qs, previousA, previousS, ua, us, va, vs, refs, biasA, biasS, 0, PAIRS,
                    small ? 3891 : 3000, small ? 3686 : 2000, small ? 205 : 1000, small ? 4000 : 3500, 1 << 18, 2,
                    -(1 << 23), (1 << 23) - 1, small);
        }
    }

    private static int[] randomArray(SplittableRandom random, int bound) {
        int[] values = new int[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            values[k] = random.nextInt(-bound, bound);
        }
        return values;
    }
}
