package io.neuromap.backends.loihi1.config;

/**
 * Small helpers the row checks share: range messages and the joining of several problems of one
 * row. Messages name the column and the bad value and state the allowed range, as users of
 * nengo-loihi's "actual / max" messages expect.
 */
final class Loihi1RowChecks {

    private Loihi1RowChecks() {
    }

    /** {@code "weight 300 outside [-256, 255]"} if {@code value} is outside, else null. */
    static String range(String column, long value, long min, long max) {
        if (value >= min && value <= max) {
            return null;
        }
        if (max < min) {
            return column + " " + value + " has no valid value here (the table it indexes is empty)";
        }
        return column + " " + value + " outside [" + min + ", " + max + "]";
    }

    /** Joins non-null problems with {@code "; "}; null if there are none. */
    static String join(String... problems) {
        StringBuilder text = null;
        for (String problem : problems) {
            if (problem == null) {
                continue;
            }
            if (text == null) {
                text = new StringBuilder(problem);
            } else {
                text.append("; ").append(problem);
            }
        }
        return text == null ? null : text.toString();
    }

    /** {@code "step 3 after step 5: rows must be ordered by step"} if {@code value < previous}. */
    static String order(String column, long value, long previous) {
        if (value >= previous) {
            return null;
        }
        return column + " " + value + " after " + column + " " + previous + ": rows must be ordered by " + column;
    }

    /** A value known to be within int range, narrowed. */
    static int narrow(long value) {
        return (int) value;
    }
}
