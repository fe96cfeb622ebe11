package io.neuromap.backends.npy;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Python dictionary literal of a {@code .npy} header:
 * {@code {'descr': '<i2', 'fortran_order': False, 'shape': (3, 4), }}. Only the three keys numpy
 * writes are accepted, each once; strings may use either quote. A structured dtype (a list for
 * {@code descr}) and Fortran order are refused with a message that says how to fix the file.
 */
final class NpyHeaderParser {

    private final String file;
    private final String text;
    private final long base;
    private int pos;

    private NpyHeaderParser(String file, String text, long base) {
        this.file = file;
        this.text = text;
        this.base = base;
    }

    /** The parsed fields; {@code base} is the header's offset in the file, for messages. */
    record Fields(String descr, boolean fortranOrder, long[] shape) {
    }

    static Fields parse(String file, String text, long base) throws NpyException {
        return new NpyHeaderParser(file, text, base).dict();
    }

    private Fields dict() throws NpyException {
        expect('{');
        String descr = null;
        Boolean fortran = null;
        long[] shape = null;
        skipSpace();
        while (peek() != '}') {
            long keyAt = base + pos;
            String key = string();
            expect(':');
            switch (key) {
                case "descr":
                    if (descr != null) {
                        throw error(keyAt, "key 'descr' appears twice");
                    }
                    skipSpace();
                    if (peek() == '[') {
                        throw error(base + pos, "structured dtypes are not supported: save a plain array "
                                + "(one dtype, e.g. '<i4') with numpy.save");
                    }
                    descr = string();
                    break;
                case "fortran_order":
                    if (fortran != null) {
                        throw error(keyAt, "key 'fortran_order' appears twice");
                    }
                    fortran = bool();
                    break;
                case "shape":
                    if (shape != null) {
                        throw error(keyAt, "key 'shape' appears twice");
                    }
                    shape = tuple();
                    break;
                default:
                    throw error(keyAt, "unexpected header key '" + key + "' (a .npy header has 'descr', "
                            + "'fortran_order' and 'shape')");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != '}') {
                throw error(base + pos, "expected ',' or '}' in the header dictionary");
            }
        }
        pos++;
        skipSpace();
        if (pos != text.length()) {
            throw error(base + pos, "unexpected text after the header dictionary");
        }
        if (descr == null || fortran == null || shape == null) {
            throw error(base, "header lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'"
                    : "'shape'"));
        }
        return new Fields(descr, fortran, shape);
    }

    private long[] tuple() throws NpyException {
        expect('(');
        List<Long> dims = new ArrayList<>();
        skipSpace();
        while (peek() != ')') {
            long at = base + pos;
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error(at, "expected a non-negative integer in the shape tuple");
            }
            // numpy 1.x may print long dimensions with an 'L' suffix (Python 2).
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            try {
                dims.add(Long.parseLong(text.substring(start, pos).replace("L", "")));
            } catch (NumberFormatException e) {
                throw error(at, "shape dimension " + text.substring(start, pos) + " is too large");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != ')') {
                throw error(base + pos, "expected ',' or ')' in the shape tuple");
            }
        }
        pos++;
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i);
        }
        return shape;
    }

    private boolean bool() throws NpyException {
        skipSpace();
        if (text.startsWith("True", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return false;
        }
        throw error(base + pos, "expected True or False");
    }

    private String string() throws NpyException {
        skipSpace();
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error(base + pos, "expected a quoted string");
        }
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error(base + pos, "unterminated string in the header");
        }
        String value = text.substring(pos + 1, end);
        pos = end + 1;
        return value;
    }

    private void expect(char c) throws NpyException {
        skipSpace();
        if (peek() != c) {
            throw error(base + pos, "expected '" + c + "' in the header dictionary");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private NpyException error(long offset, String detail) {
        return new NpyException(file, offset, "header: " + detail);
    }
}
