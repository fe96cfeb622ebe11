package io.neuromap.compiler.elaborate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent chunks of rows (neurons, pre rows) on a fixed number of threads and returns
 * their results in chunk order. Chunks write disjoint parts of shared arrays and draw from streams
 * keyed by row, so the outcome is the same for any thread count; only the speed changes.
 */
final class Parallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "neuromap-elaborate-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Work on rows {@code [from, to)}. */
    interface ChunkTask<T> {
        T run(int from, int to);
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task} over {@code [0, n)} in chunks of {@code chunkSize}; results in chunk order. */
    <T> List<T> chunks(int n, int chunkSize, ChunkTask<T> task) {
        int size = Math.max(1, chunkSize);
        List<T> results = new ArrayList<>();
        if (pool == null || n <= size) {
            for (int from = 0; from < n; from += size) {
                results.add(task.run(from, (int) Math.min(n, (long) from + size)));
            }
            return results;
        }
        List<Callable<T>> work = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int f = from;
            int t = (int) Math.min(n, (long) from + size);
            work.add(() -> task.run(f, t));
        }
        try {
            for (Future<T> f : pool.invokeAll(work)) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("elaboration was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return results;
    }

    /** A chunk size giving each thread several chunks (for balance) without tiny chunks. */
    int chunkSize(int n, int minimum) {
        return Math.max(minimum, n / (threads * 16) + 1);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
