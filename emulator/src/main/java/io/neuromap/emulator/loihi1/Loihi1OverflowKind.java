package io.neuromap.emulator.loihi1;

/**
 * Where a fixed-point value left its register's range. The first three are nengo-loihi's runtime
 * checks ({@code "Overflow in q0"}, {@code "Overflow in current"}, {@code "Overflow in u2"}); under
 * the Lava arithmetic only {@link #CURRENT} occurs (Lava's single ±2^24 correction of u). The last
 * is this emulator's own: a join of dendritic values whose sum leaves 24 bits, which no public
 * source says how the chip handles.
 *
 * @see "specs/loihi1.md §1.3 (emulator messages), §2.2, §2.4; specs/loihi1-compartments-reward.md §1.4
 *     (overflow-unverified)"
 */
public enum Loihi1OverflowKind {
    /** The dendritic accumulator q wrapped at 21 bits plus sign (nengo-loihi). */
    Q0("q0", "Overflow in q0"),
    /** The current u wrapped at 23 bits plus sign (nengo-loihi), or took Lava's ±2^24 correction. */
    CURRENT("current", "Overflow in current"),
    /** u + bias wrapped at 23 bits plus sign (nengo-loihi). */
    U2("u2", "Overflow in u2"),
    /**
     * A join (ADD, PASS, BLOCK) produced an increment outside [-2^23, 2^23): computed exactly, then
     * the voltage clamped; the chip's behaviour is unverified.
     */
    JOIN("join", "Overflow in join (unverified on hardware)");

    private final String key;
    private final String message;

    Loihi1OverflowKind(String key, String message) {
        this.key = key;
        this.message = message;
    }

    /** The name in reports and summaries ({@code q0}, {@code current}, {@code u2}, {@code join}). */
    public String key() {
        return key;
    }

    /** The message, worded as nengo-loihi's. */
    public String message() {
        return message;
    }
}
