package io.neuromap.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Watches the heap while a benchmark runs: the largest heap in use seen by polling every few
 * milliseconds (what the run actually occupied, garbage included), and the sum of the heap
 * pools' own peak counters (an upper bound, since pools peak at different moments). Runs on a
 * daemon thread; {@link #close()} stops it.
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;

    HeapSampler(long periodMillis) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peakUsed) {
            peakUsed = used;
        }
    }

    /** The largest heap use seen by polling, bytes. */
    long peakUsed() {
        sample();
        return peakUsed;
    }

    /** The sum of the heap pools' peak usage counters, bytes. */
    static long poolPeakSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Heap in use after a full collection: what the result retains, bytes. */
    long retainedAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The maximum heap the JVM may use (-Xmx), bytes. */
    long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Total collections and collection time so far, as "n GCs, t ms". */
    static String gcSummary() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        return count + " GCs, " + time + " ms";
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
