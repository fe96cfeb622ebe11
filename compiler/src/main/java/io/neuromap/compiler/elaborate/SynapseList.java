package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Unit;
import io.neuromap.compiler.units.Units;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The synapse list of {@code from_list("file.csv")}: one synapse per row, {@code pre,post[,weight[,delay]]},
 * with indices relative to the projection's endpoints (0 is the first neuron the endpoint
 * selects, as with PyNN's FromListConnector on a population view). Blank lines and text after
 * {@code #} are ignored. An optional first row of column names may give units:
 * {@code pre,post,weight[pA],delay[ms]}; without one, weights are read in nA and delays in ms
 * (PyNN's units for current-based cells), and {@code weight[1]} reads dimensionless weights.
 * Rows may omit the weight or delay; the projection body's binding (or the default delay of one
 * step) then applies to that synapse.
 *
 * <p>Every problem is reported at the row and column of the file ({@code w.csv:12:5}), up to
 * {@value #MAX_REPORTED} of them.
 */
final class SynapseList {
    private static final int MAX_REPORTED = 10;

    private final int[] pre;
    private final int[] post;
    private final double[] weight;
    private final double[] delay;
    private final int[] rowStarts;
    private final SourceFile file;

    private SynapseList(int[] pre, int[] post, double[] weight, double[] delay, int[] rowStarts, SourceFile file) {
        this.pre = pre;
        this.post = post;
        this.weight = weight;
        this.delay = delay;
        this.rowStarts = rowStarts;
        this.file = file;
    }

    int size() {
        return pre.length;
    }

    /** Pre neurons, population-local. */
    int[] pre() {
        return pre;
    }

    /** Post neurons, population-local. */
    int[] post() {
        return post;
    }

    /** The weight of entry e in SI, or NaN if its row has none. */
    double weight(int e) {
        return weight[e];
    }

    /** The delay of entry e in s, or NaN if its row has none. */
    double delay(int e) {
        return delay[e];
    }

    boolean hasAnyWeight() {
        for (double w : weight) {
            if (!Double.isNaN(w)) {
                return true;
            }
        }
        return false;
    }

    boolean hasAnyDelay() {
        for (double d : delay) {
            if (!Double.isNaN(d)) {
                return true;
            }
        }
        return false;
    }

    /** The first entry without a weight, or -1. */
    int firstWithoutWeight() {
        for (int e = 0; e < weight.length; e++) {
            if (Double.isNaN(weight[e])) {
                return e;
            }
        }
        return -1;
    }

    /** The span of entry e's row in the file. */
    SourceSpan rowSpan(int e) {
        int start = rowStarts[e];
        int end = file.text().indexOf('\n', start);
        return file.span(start, end < 0 ? file.text().length() : end);
    }

    /**
     * Reads the list. {@code path} is as written in the call, relative to the {@code .nmap} file
     * named by {@code callSpan}; {@code preOffset}/{@code postOffset} and sizes describe the endpoints.
     *
     * @return empty after reporting when the file is missing, unreadable or malformed
     */
    static Optional<SynapseList> read(Diagnostics diagnostics, String path, SourceSpan argSpan, int preOffset, int preSize,
            int postOffset, int postSize) {
        Path nmap = Path.of(argSpan.file());
        Path csv = nmap.resolveSibling(path);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(csv);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            diagnostics.report(DiagnosticCode.FILE_NOT_FOUND, argSpan, "synapse list `" + path + "` not found (looked for "
                    + csv.toAbsolutePath().normalize() + ")", "the path is relative to the directory of " + nmap.getFileName());
            return Optional.empty();
        } catch (CharacterCodingException e) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, argSpan, "synapse list `" + path + "` is not UTF-8 text",
                    "save it as a UTF-8 CSV file");
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            diagnostics.report(DiagnosticCode.UNREADABLE_FILE, argSpan, "synapse list `" + path + "` cannot be read: "
                    + e.getMessage(), null);
            return Optional.empty();
        }
        return new Parser(diagnostics, new SourceFile(csv.toString(), text), preOffset, preSize, postOffset, postSize).parse();
    }

    /** One pass over the text; keeps going after errors to report every one (up to the limit). */
    private static final class Parser {
        private final Diagnostics diagnostics;
        private final SourceFile file;
        private final int preOffset;
        private final int preSize;
        private final int postOffset;
        private final int postSize;
        private double weightFactor = 1e-9;
        private double delayFactor = 1e-3;
        private int errors;
        private int n;
        private int[] pre = new int[1024];
        private int[] post = new int[1024];
        private double[] weight = new double[1024];
        private double[] delay = new double[1024];
        private int[] rowStarts = new int[1024];

        Parser(Diagnostics diagnostics, SourceFile file, int preOffset, int preSize, int postOffset, int postSize) {
            this.diagnostics = diagnostics;
            this.file = file;
            this.preOffset = preOffset;
            this.preSize = preSize;
            this.postOffset = postOffset;
            this.postSize = postSize;
        }

        Optional<SynapseList> parse() {
            String text = file.text();
            int pos = 0;
            boolean first = true;
            while (pos <= text.length()) {
                int eol = text.indexOf('\n', pos);
                int end = eol < 0 ? text.length() : eol;
                int contentEnd = end;
                int hash = text.indexOf('#', pos);
                if (hash >= 0 && hash < contentEnd) {
                    contentEnd = hash;
                }
                if (!text.substring(pos, contentEnd).isBlank()) {
                    if (first && isHeader(text, pos, contentEnd)) {
                        header(text, pos, contentEnd);
                    } else {
                        row(text, pos, contentEnd);
                    }
                    first = false;
                }
                if (eol < 0) {
                    break;
                }
                pos = eol + 1;
            }
            if (errors > MAX_REPORTED) {
                diagnostics.report(DiagnosticCode.BAD_DATA_FILE, file.span(0, 0), "synapse list has " + (errors - MAX_REPORTED)
                        + " more problems not shown");
            }
            if (errors > 0) {
                return Optional.empty();
            }
            return Optional.of(new SynapseList(Arrays.copyOf(pre, n), Arrays.copyOf(post, n), Arrays.copyOf(weight, n),
                    Arrays.copyOf(delay, n), Arrays.copyOf(rowStarts, n), file));
        }

        private static boolean isHeader(String text, int from, int to) {
            String firstField = text.substring(from, to).split(",", -1)[0].trim();
            return !firstField.isEmpty() && !Character.isDigit(firstField.charAt(0)) && firstField.charAt(0) != '-'
                    && firstField.charAt(0) != '+' && firstField.charAt(0) != '.';
        }

        private void header(String text, int from, int to) {
            String[] names = {"pre", "post", "weight", "delay"};
            int start = from;
            int column = 0;
            for (String field : text.substring(from, to).split(",", -1)) {
                String f = field.trim();
                SourceSpan span = fieldSpan(start, field);
                start += field.length() + 1;
                if (column >= names.length) {
                    error(span, "a synapse list has at most 4 columns (pre, post, weight, delay), found `" + f + "`",
                            "remove the extra columns");
                    return;
                }
                String name = f;
                String unit = null;
                int open = f.indexOf('[') >= 0 ? f.indexOf('[') : f.indexOf('(');
                if (open >= 0) {
                    char close = f.charAt(open) == '[' ? ']' : ')';
                    if (!f.endsWith(String.valueOf(close))) {
                        error(span, "column name `" + f + "` has an unclosed unit", "write e.g. `weight[nA]`");
                        return;
                    }
                    name = f.substring(0, open).trim();
                    unit = f.substring(open + 1, f.length() - 1).trim();
                }
                if (!name.toLowerCase(Locale.ROOT).equals(names[column])) {
                    error(span, "column " + (column + 1) + " must be `" + names[column] + "`, found `" + name + "`",
                            "the columns are pre,post[,weight[,delay]]");
                    return;
                }
                if (unit != null) {
                    if (column < 2) {
                        error(span, "`" + names[column] + "` is an index and has no unit", null);
                        return;
                    }
                    Optional<Double> factor = unitFactor(unit, column == 3, span);
                    if (factor.isEmpty()) {
                        return;
                    }
                    if (column == 2) {
                        weightFactor = factor.get();
                    } else {
                        delayFactor = factor.get();
                    }
                }
                column++;
            }
        }

        private Optional<Double> unitFactor(String unit, boolean isDelay, SourceSpan span) {
            if (unit.equals("1") || unit.isEmpty()) {
                if (isDelay) {
                    error(span, "delays need a time unit", "write `delay[ms]`");
                    return Optional.empty();
                }
                return Optional.of(1.0);
            }
            Optional<Unit> u = Units.lookup(unit);
            if (u.isEmpty()) {
                error(span, "unknown unit `" + unit + "`", "units are " + String.join(", ", Units.symbols()));
                return Optional.empty();
            }
            if (isDelay && !u.get().dimension().equals(Dimension.TIME)) {
                error(span, "delays need a time unit, found `" + unit + "`", "write `delay[ms]`");
                return Optional.empty();
            }
            return Optional.of(u.get().factor());
        }

        private void row(String text, int from, int to) {
            String[] fields = text.substring(from, to).split(",", -1);
            if (fields.length < 2 || fields.length > 4) {
                error(file.span(from, to), "a synapse list row has 2 to 4 values (pre,post[,weight[,delay]]), found "
                        + fields.length, null);
                return;
            }
            int start = from;
            int[] starts = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                starts[i] = start;
                start += fields[i].length() + 1;
            }
            int i = index(fields[0], starts[0], preSize, "pre");
            int j = index(fields[1], starts[1], postSize, "post");
            double w = fields.length > 2 && !fields[2].isBlank() ? number(fields[2], starts[2], "weight") * weightFactor
                    : Double.NaN;
            double d = fields.length > 3 && !fields[3].isBlank() ? number(fields[3], starts[3], "delay") * delayFactor
                    : Double.NaN;
            if (d < 0) {
                error(fieldSpan(starts[3], fields[3]), "delay " + fields[3].trim() + " is negative", "delays are >= one time step");
            }
            if (i < 0 || j < 0 || Double.isInfinite(w) || Double.isInfinite(d)) {
                return;
            }
            if (n == pre.length) {
                int cap = n * 2;
                pre = Arrays.copyOf(pre, cap);
                post = Arrays.copyOf(post, cap);
                weight = Arrays.copyOf(weight, cap);
                delay = Arrays.copyOf(delay, cap);
                rowStarts = Arrays.copyOf(rowStarts, cap);
            }
            pre[n] = preOffset + i;
            post[n] = postOffset + j;
            weight[n] = w;
            delay[n] = d;
            rowStarts[n] = from;
            n++;
        }

        private int index(String field, int start, int size, String what) {
            String f = field.trim();
            SourceSpan span = fieldSpan(start, field);
            long v;
            try {
                v = Long.parseLong(f);
            } catch (NumberFormatException e) {
                double d = parseDouble(f);
                if (Double.isNaN(d) || d != Math.rint(d)) {
                    error(span, "`" + f + "` is not a " + what + " neuron index", "indices are whole numbers from 0");
                    return -1;
                }
                v = (long) d;
            }
            if (v < 0 || v >= size) {
                error(span, what + " index " + v + " is outside the " + size + " neurons of the " + what + " endpoint",
                        "indices count from 0 within the endpoint, up to " + (size - 1));
                return -1;
            }
            return (int) v;
        }

        private double number(String field, int start, String what) {
            String f = field.trim();
            double v = parseDouble(f);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                error(fieldSpan(start, field), "`" + f + "` is not a " + what, "write a decimal number such as 0.5");
                return Double.POSITIVE_INFINITY;
            }
            return v;
        }

        private static double parseDouble(String f) {
            if (f.isEmpty() || f.equalsIgnoreCase("nan") || f.toLowerCase(Locale.ROOT).contains("inf")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(f);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** The span of a field without its surrounding blanks. */
        private SourceSpan fieldSpan(int start, String field) {
            int lead = 0;
            while (lead < field.length() && Character.isWhitespace(field.charAt(lead))) {
                lead++;
            }
            int trail = field.length();
            while (trail > lead && Character.isWhitespace(field.charAt(trail - 1))) {
                trail--;
            }
            return file.span(start + lead, start + trail);
        }

        private void error(SourceSpan span, String message, String help) {
            errors++;
            if (errors <= MAX_REPORTED) {
                diagnostics.report(new Diagnostic(DiagnosticCode.BAD_DATA_FILE, span, message, Optional.ofNullable(help)));
            }
        }
    }
}
