package io.neuromap.emulator.plot;

import static java.util.Objects.requireNonNull;

import io.neuromap.emulator.record.Recording;
import io.neuromap.emulator.record.RunSummary;
import io.neuromap.emulator.record.SpikeRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The run plot every {@code emulate} writes ({@code raster.png}, {@code raster.svg}): a spike
 * raster with one colour per population (neurons stacked in population order) and, below it on
 * the same time axis, each population's rate in Hz.
 *
 * <p>The raster is binned to the plot's pixels before drawing: a cell is coloured when any neuron
 * it covers spikes in any step it covers. That keeps both files bounded by the plot's area, not
 * by the spike count (a 100,000-neuron run has millions of spikes; one SVG element per spike
 * would be hundreds of MB), and horizontal runs of cells of one colour become one rectangle.
 * Where a cell holds spikes of two populations, the later population in the stacking wins,
 * which is deterministic; the picture at a given size is the same for every run of the same
 * spikes.
 */
public final class RasterPlot {

    /** Width of the plot, pixels. */
    public static final int WIDTH = 1000;
    /** Height of the plot, pixels. */
    public static final int HEIGHT = 700;

    /** Tableau's ten categorical colours (matplotlib's default cycle): familiar and distinct. */
    private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
        0x7f7f7f, 0xbcbd22, 0x17becf};
    private static final int INK = 0x222222;
    private static final int GRID = 0xdddddd;
    private static final double LEFT = 72;
    private static final double RIGHT = WIDTH - 20;
    private static final double RASTER_TOP = 62;
    private static final double RASTER_BOTTOM = 440;
    private static final double RATE_TOP = 466;
    private static final double RATE_BOTTOM = 636;
    private static final int MAX_RATE_BINS = 200;

    private final Recording recording;
    private final List<RunSummary.PopulationSummary> populations;
    private final long steps;
    private final double dt;
    private final int totalRows;

    private RasterPlot(Recording recording) {
        this.recording = recording;
        this.populations = recording.summary().populations();
        this.steps = Math.max(1, recording.summary().steps());
        this.dt = recording.summary().dt();
        int rows = 0;
        for (RunSummary.PopulationSummary p : populations) {
            rows += p.size();
        }
        this.totalRows = rows;
    }

    /** The plot of {@code recording}: the populations of its summary, in their order. */
    public static RasterPlot of(Recording recording) {
        return new RasterPlot(requireNonNull(recording, "recording is null"));
    }

    /** The plot as an SVG document. */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT);
        draw(canvas);
        return canvas.toSvg();
    }

    /** The plot as a PNG image; without fonts on this machine, without its labels ({@link #pngHasText()}). */
    public byte[] png() {
        PngCanvas canvas = new PngCanvas(WIDTH, HEIGHT);
        draw(canvas);
        return canvas.toPng();
    }

    /** False when this machine has no fonts, so {@link #png()} draws no labels. */
    public static boolean pngHasText() {
        return new PngCanvas(1, 1).textAvailable();
    }

    /** Draws the whole plot on {@code canvas}. */
    public void draw(Canvas canvas) {
        requireNonNull(canvas, "canvas is null");
        boolean seconds = steps * dt >= 2;
        double unit = seconds ? 1 : 1e-3;
        double duration = steps * dt / unit;
        title(canvas);
        raster(canvas);
        rates(canvas);
        Ticks ticks = Ticks.of(0, duration, 10);
        for (int i = 0; i < ticks.count(); i++) {
            double x = LEFT + ticks.value(i) / duration * (RIGHT - LEFT);
            canvas.line(x, RASTER_BOTTOM, x, RASTER_BOTTOM + 4, INK, 1);
            canvas.line(x, RATE_BOTTOM, x, RATE_BOTTOM + 4, INK, 1);
            canvas.text(ticks.label(i), x, RATE_BOTTOM + 18, 12, Canvas.Anchor.MIDDLE, false, INK);
        }
        canvas.text(seconds ? "time (s)" : "time (ms)", (LEFT + RIGHT) / 2, RATE_BOTTOM + 40, 13,
                Canvas.Anchor.MIDDLE, false, INK);
    }

    private void title(Canvas canvas) {
        RunSummary s = recording.summary();
        String title = String.format(Locale.ROOT, "%s: %d neurons, %d steps of %s ms, %d spikes", s.engine(), totalRows,
                s.steps(), trim(s.dt() * 1e3), s.totalSpikes());
        canvas.text(title, LEFT, 22, 14, Canvas.Anchor.START, false, INK);
        double x = LEFT;
        double seconds = s.duration();
        for (int p = 0; p < populations.size(); p++) {
            RunSummary.PopulationSummary pop = populations.get(p);
            String label = String.format(Locale.ROOT, "%s (%d, %s Hz)", pop.name(), pop.size(),
                    trim(Math.round(pop.meanRate(seconds) * 100) / 100.0));
            canvas.fillRect(x, 36, 10, 10, colour(p));
            canvas.text(label, x + 14, 46, 12, Canvas.Anchor.START, false, INK);
            // Text width is estimated (the SVG viewer lays text out itself): 0.6 em per character.
            x += 14 + label.length() * 12 * 0.6 + 18;
        }
    }

    private void raster(Canvas canvas) {
        double width = RIGHT - LEFT;
        double height = RASTER_BOTTOM - RASTER_TOP;
        frame(canvas, RASTER_TOP, RASTER_BOTTOM);
        if (totalRows > 0) {
            int cols = (int) Math.min(steps, (long) width);
            int rows = Math.min(totalRows, (int) height);
            int[] cells = cells(cols, rows);
            double cw = width / cols;
            double rh = height / rows;
            for (int r = 0; r < rows; r++) {
                int c = 0;
                while (c < cols) {
                    int v = cells[r * cols + c];
                    int end = c + 1;
                    while (end < cols && cells[r * cols + end] == v) {
                        end++;
                    }
                    if (v > 0) {
                        canvas.fillRect(LEFT + c * cw, RASTER_TOP + r * rh, (end - c) * cw, rh, colour(v - 1));
                    }
                    c = end;
                }
            }
            int start = 0;
            for (int p = 0; p + 1 < populations.size(); p++) {
                start += populations.get(p).size();
                double y = RASTER_TOP + (double) start / totalRows * height;
                canvas.line(LEFT, y, RIGHT, y, GRID, 1);
            }
        }
        Ticks ticks = Ticks.of(0, Math.max(1, totalRows), 8);
        for (int i = 0; i < ticks.count(); i++) {
            double y = RASTER_TOP + ticks.value(i) / Math.max(1, totalRows) * height;
            canvas.line(LEFT - 4, y, LEFT, y, INK, 1);
            canvas.text(ticks.label(i), LEFT - 7, y + 4, 12, Canvas.Anchor.END, false, INK);
        }
        canvas.text("neuron (stacked by population)", 20, (RASTER_TOP + RASTER_BOTTOM) / 2, 13, Canvas.Anchor.MIDDLE, true, INK);
    }

    /** The binned raster: per cell 0, or 1 + the population that spiked there. */
    private int[] cells(int cols, int rows) {
        int[] popOf = populationOfNeuron();
        // Global neuron -> its row in the stacking (populations in summary order).
        int[] rowOf = new int[popOf.length];
        int stacked = 0;
        for (RunSummary.PopulationSummary pop : populations) {
            for (int i = 0; i < pop.size(); i++) {
                rowOf[pop.offset() + i] = stacked++;
            }
        }
        int[] cells = new int[rows * cols];
        SpikeRecorder spikes = recording.spikes();
        for (long k = 0, n = spikes.count(); k < n; k++) {
            int g = spikes.neuron(k);
            long s = spikes.step(k);
            if (g >= popOf.length || popOf[g] < 0 || s >= steps) {
                continue;
            }
            int c = (int) (s * cols / steps);
            int r = (int) ((long) rowOf[g] * rows / totalRows);
            cells[r * cols + c] = 1 + popOf[g];
        }
        return cells;
    }

    /** Per global neuron, its population's index in the summary, or -1 for neurons of no listed population. */
    private int[] populationOfNeuron() {
        int neurons = 0;
        for (RunSummary.PopulationSummary p : populations) {
            neurons = Math.max(neurons, p.offset() + p.size());
        }
        int[] popOf = new int[neurons];
        Arrays.fill(popOf, -1);
        for (int p = 0; p < populations.size(); p++) {
            RunSummary.PopulationSummary pop = populations.get(p);
            Arrays.fill(popOf, pop.offset(), pop.offset() + pop.size(), p);
        }
        return popOf;
    }

    private void rates(Canvas canvas) {
        frame(canvas, RATE_TOP, RATE_BOTTOM);
        int binSteps = (int) Math.max(1, (steps + MAX_RATE_BINS - 1) / MAX_RATE_BINS);
        int bins = (int) ((steps + binSteps - 1) / binSteps);
        double[][] rate = new double[populations.size()][bins];
        int[] popOf = populationOfNeuron();
        SpikeRecorder spikes = recording.spikes();
        for (long k = 0, n = spikes.count(); k < n; k++) {
            int g = spikes.neuron(k);
            long s = spikes.step(k);
            if (g < popOf.length && popOf[g] >= 0 && s < steps) {
                rate[popOf[g]][(int) (s / binSteps)]++;
            }
        }
        double max = 1;
        for (int p = 0; p < populations.size(); p++) {
            int size = populations.get(p).size();
            for (int b = 0; b < bins; b++) {
                long length = Math.min(binSteps, steps - (long) b * binSteps);
                rate[p][b] = size == 0 ? 0 : rate[p][b] / (size * length * dt);
                max = Math.max(max, rate[p][b]);
            }
        }
        Ticks ticks = Ticks.of(0, max * 1.1, 4);
        double top = Math.max(max * 1.1, ticks.value(ticks.count() - 1));
        double height = RATE_BOTTOM - RATE_TOP;
        for (int i = 0; i < ticks.count(); i++) {
            double y = RATE_BOTTOM - ticks.value(i) / top * height;
            if (i > 0) {
                canvas.line(LEFT, y, RIGHT, y, GRID, 1);
            }
            canvas.line(LEFT - 4, y, LEFT, y, INK, 1);
            canvas.text(ticks.label(i), LEFT - 7, y + 4, 12, Canvas.Anchor.END, false, INK);
        }
        double[] xs = new double[bins];
        double[] ys = new double[bins];
        for (int p = 0; p < populations.size(); p++) {
            for (int b = 0; b < bins; b++) {
                double centre = Math.min(steps, (b + 0.5) * binSteps);
                xs[b] = LEFT + centre / steps * (RIGHT - LEFT);
                ys[b] = RATE_BOTTOM - rate[p][b] / top * height;
            }
            canvas.polyline(xs, ys, bins, colour(p), 1.5);
        }
        canvas.text("rate (Hz)", 20, (RATE_TOP + RATE_BOTTOM) / 2, 13, Canvas.Anchor.MIDDLE, true, INK);
    }

    private static void frame(Canvas canvas, double top, double bottom) {
        canvas.line(LEFT, top, LEFT, bottom, INK, 1);
        canvas.line(LEFT, bottom, RIGHT, bottom, INK, 1);
        canvas.line(LEFT, top, RIGHT, top, GRID, 1);
        canvas.line(RIGHT, top, RIGHT, bottom, GRID, 1);
    }

    private static int colour(int population) {
        return PALETTE[population % PALETTE.length];
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "RasterPlot[" + populations.size() + " populations, " + totalRows + " neurons, " + steps + " steps]";
    }
}
