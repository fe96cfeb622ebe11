package io.neuromap.emulator.engine;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs the independent units of one phase (a chip's cores within a time step) on a fixed set of
 * threads and returns only when every unit is done: the barrier between the parallel part of a
 * step and the serial spike exchange that follows it.
 *
 * <p>Why a pool of its own: a neuromorphic step is short (microseconds to milliseconds) and
 * repeats millions of times, so the threads are started once, spin briefly and then park between
 * phases, and handing out a phase costs no allocation. Units are claimed dynamically (an atomic counter), so
 * large and small cores balance across threads; which thread runs a unit never matters for the
 * result, because a unit writes only its own data. The calling thread is one of the workers.
 *
 * <p>With one thread no other thread is started and units run in order on the caller.
 *
 * <p>Not thread-safe: one thread drives a pool.
 */
public final class LockstepPool implements AutoCloseable {

    /** How long a thread spins at a barrier before it parks. */
    private static final long SPIN_NANOS = 50_000;
    /** Spins between two reads of the clock, minus one. */
    private static final int SPIN_CHECK = 63;

    private final int threads;
    private final Thread[] workers;
    private final Phaser phaser;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private IntConsumer task;
    private int units;
    private volatile boolean closed;

    /**
     * Starts {@code threads - 1} worker threads (daemons named {@code name-1}, {@code name-2}, ...).
     *
     * @param threads the number of threads that run units, the caller included; at least 1
     * @param name the thread name prefix
     */
    public LockstepPool(int threads, String name) {
        requireNonNull(name, "name is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.phaser = new Phaser(threads);
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Thread worker = new Thread(this::workerLoop, name + "-" + (i + 1));
            worker.setDaemon(true);
            workers[i] = worker;
            worker.start();
        }
    }

    /** The number of threads that run units, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(u)} for every {@code u} in {@code 0..units-1}, each exactly once, on
     * the pool's threads; returns when all are done. Everything the units wrote is visible to the
     * caller afterwards, and everything the caller wrote before is visible to the units.
     *
     * @throws RuntimeException or Error: the first one a unit threw (the other units still ran)
     */
    public void forEach(int units, IntConsumer task) {
        requireNonNull(task, "task is null");
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        if (workers.length == 0) {
            for (int u = 0; u < units; u++) {
                task.accept(u);
            }
            return;
        }
        this.task = task;
        this.units = units;
        next.set(0);
        await();
        work();
        await();
        this.task = null;
        Throwable thrown = failure.getAndSet(null);
        if (thrown instanceof RuntimeException) {
            throw (RuntimeException) thrown;
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        if (thrown != null) {
            throw new IllegalStateException("a unit failed", thrown);
        }
    }

    private void work() {
        IntConsumer t = task;
        int n = units;
        int u;
        while ((u = next.getAndIncrement()) < n) {
            try {
                t.accept(u);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private void workerLoop() {
        while (true) {
            await();
            if (closed) {
                return;
            }
            work();
            await();
        }
    }

    /**
     * Arrives at the barrier and waits for the others: spinning for up to {@link #SPIN_NANOS}
     * first, then parked. A step of a small network is a few microseconds of work, and waking a
     * parked thread costs about as much, so without the spin two threads ran CUBA's 4,000 neurons
     * at half the speed of one.
     */
    private void await() {
        final int phase = phaser.arrive();
        long deadline = 0;
        for (int spins = 0; phaser.getPhase() == phase; spins++) {
            if ((spins & SPIN_CHECK) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + SPIN_NANOS;
                } else if (now - deadline > 0) {
                    phaser.awaitAdvance(phase);
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    /** Stops the worker threads; the pool cannot be used afterwards. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (workers.length == 0) {
            return;
        }
        // Workers wait at the start of a phase; releasing them with the flag set makes them return.
        phaser.arriveAndAwaitAdvance();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
