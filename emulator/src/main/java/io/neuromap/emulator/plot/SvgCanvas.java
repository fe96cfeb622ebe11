package io.neuromap.emulator.plot;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG 1.1 text. Coordinates are written with at most two decimals
 * and a fixed locale, so the same drawing always gives the same bytes.
 */
public final class SvgCanvas implements Canvas {

    private static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final int width;
    private final int height;

    /** An empty white canvas of {@code width x height} pixels. */
    public SvgCanvas(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("canvas must be at least 1 x 1, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        fillRect(0, 0, width, height, 0xffffff);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(colour(rgb)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double w) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(colour(rgb))
                .append("\" stroke-width=\"").append(num(w)).append("\"/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int n, int rgb, double w) {
        if (n < 1) {
            return;
        }
        body.append("<polyline fill=\"none\" stroke=\"").append(colour(rgb)).append("\" stroke-width=\"").append(num(w))
                .append("\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : " ").append(num(x[i])).append(',').append(num(y[i]));
        }
        body.append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, double size, Anchor anchor, boolean rotated, int rgb) {
        requireNonNull(text, "text is null");
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append("\" text-anchor=\"").append(anchor(anchor)).append("\" fill=\"")
                .append(colour(rgb)).append('"');
        if (rotated) {
            body.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        body.append('>').append(escape(text)).append("</text>\n");
    }

    /** The complete SVG document. */
    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"" + FONT + "\">\n" + body + "</svg>\n";
    }

    private static String anchor(Anchor anchor) {
        switch (anchor) {
            case START:
                return "start";
            case MIDDLE:
                return "middle";
            case END:
                return "end";
            default:
                throw new IllegalStateException("unknown anchor " + anchor);
        }
    }

    static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /** A coordinate with at most two decimals, without trailing zeros. */
    static String num(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        long whole = a / 100;
        long frac = a % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" + frac : "." + frac));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                default:
                    b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
