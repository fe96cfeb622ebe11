package io.neuromap.emulator.plot;

/**
 * The few drawing operations a plot needs, in pixel coordinates (origin top left, y down), so
 * that one layout draws both the SVG and the PNG and the two files show the same picture.
 * Colours are {@code 0xRRGGBB}.
 */
public interface Canvas {

    /** Where a text's reference point lies. */
    enum Anchor {
        /** The point is the left end of the baseline. */
        START,
        /** The point is the middle of the baseline. */
        MIDDLE,
        /** The point is the right end of the baseline. */
        END
    }

    /** Fills an axis-aligned rectangle. */
    void fillRect(double x, double y, double width, double height, int rgb);

    /** Draws a straight line. */
    void line(double x1, double y1, double x2, double y2, int rgb, double width);

    /** Draws a polyline through the first {@code n} points. */
    void polyline(double[] x, double[] y, int n, int rgb, double width);

    /**
     * Draws {@code text} at {@code (x, y)}, {@code size} pixels high, optionally rotated a quarter
     * turn counter-clockwise (a y-axis label).
     */
    void text(String text, double x, double y, double size, Anchor anchor, boolean rotated, int rgb);
}
