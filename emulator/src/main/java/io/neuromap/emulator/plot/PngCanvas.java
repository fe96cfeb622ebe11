package io.neuromap.emulator.plot;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} drawn with Java2D into an RGB image and encoded as PNG. Rectangles are drawn
 * without anti-aliasing (raster cells stay crisp); lines and text with it.
 *
 * <p>Text needs the platform's fonts. A machine without any (a minimal container without
 * fontconfig) cannot draw text at all: the canvas then draws everything else and
 * {@link #drewText()} says the labels are missing, so the caller can point to the SVG, which
 * leaves text to the viewer.
 */
public final class PngCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;
    private final boolean fonts;
    private boolean skippedText;

    /** An empty white canvas of {@code width x height} pixels. */
    public PngCanvas(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("canvas must be at least 1 x 1, got " + width + " x " + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        fonts = Fonts.AVAILABLE;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(new Color(rgb));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double w) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) w));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] x, double[] y, int n, int rgb, double w) {
        if (n < 1) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(x[i], y[i]);
        }
        g.draw(path);
    }

    @Override
    public void text(String text, double x, double y, double size, Anchor anchor, boolean rotated, int rgb) {
        requireNonNull(text, "text is null");
        if (!fonts) {
            skippedText = true;
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(rgb));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) size));
        FontMetrics metrics = g.getFontMetrics();
        double width = metrics.stringWidth(text);
        double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -width / 2 : -width;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (rotated) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }

    /** True when this platform has fonts, so text is drawn. */
    public boolean textAvailable() {
        return fonts;
    }

    /** False when text was asked for but the platform has no fonts to draw it with. */
    public boolean drewText() {
        return !skippedText;
    }

    /** The image as PNG bytes. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG encoder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether Java2D can draw text here, probed once. */
    private static final class Fonts {
        static final boolean AVAILABLE = probe();

        private Fonts() {
        }

        private static boolean probe() {
            try {
                Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                boolean ok = g.getFontMetrics().stringWidth("0") > 0;
                g.dispose();
                return ok;
            } catch (RuntimeException | LinkageError | InternalError e) {
                // Without fontconfig or freetype the font manager fails in one of these ways.
                return false;
            }
        }
    }
}
