package io.neuromap.cli;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.loihi1.Loihi1Recorder;
import io.neuromap.emulator.loihi1.Loihi1State;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long emulations: silent for the first 2 s (a
 * short run never shows it), then redrawn in place at most every 200 ms with the steps done and
 * an estimate of the time left. The command attaches it only when standard error is a terminal,
 * so logs and pipes never see carriage returns. It reads the step number and the clock, nothing
 * else, so it cannot change a result.
 */
final class ProgressBar implements Loihi1Recorder {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private int drawnLength;

    ProgressBar(PrintWriter err, long totalSteps, LongSupplier nanoClock) {
        this.err = requireNonNull(err, "err is null");
        this.total = Math.max(1, totalSteps);
        this.clock = requireNonNull(nanoClock, "nanoClock is null");
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void afterCore(Loihi1State state, int core, int step) {
        // Progress is per step, on the stepping thread.
    }

    @Override
    public void afterStep(Loihi1State state, int step) {
        long now = clock.getAsLong();
        if (now - start < QUIET_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(step + 1L, now - start);
    }

    private void draw(long done, long elapsed) {
        int filled = (int) (done * WIDTH / total);
        double left = done == 0 ? 0 : elapsed * 1e-9 * (total - done) / done;
        String line = String.format(Locale.ROOT, "emulating [%s%s] %3d%%  %,d/%,d steps  %s left",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done * 100 / total, done, total, seconds(left));
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /** Clears the bar, if it was drawn, so the next line starts clean. */
    void finish() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private static String seconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.ceil(s));
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
