package io.neuromap.emulator.validate;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Makes a batch of the divergence floor's runs, side by side when there are several. */
final class FloorRuns {
    private FloorRuns() {
    }

    /** The recordings of {@code batch}, in its order; a run that fails rethrows its exception here. */
    static List<Recording> make(List<FloorRun> batch) {
        if (batch.size() == 1) {
            return List.of(requireNonNull(batch.get(0).recording().get(), "a floor run is null"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(batch.size(), r -> {
            Thread t = new Thread(r, "neuromap-floor-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Recording>> futures = new ArrayList<>();
            for (FloorRun run : batch) {
                futures.add(pool.submit(() -> requireNonNull(run.recording().get(), "a floor run is null")));
            }
            List<Recording> out = new ArrayList<>();
            for (Future<Recording> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the divergence floor's runs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
