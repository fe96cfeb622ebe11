package io.neuromap.backends.loihi1;

/**
 * The sign mode of a group of weights, as Lava's {@code SignMode} names it. It decides the weight
 * range ({@code MIXED} [-256, 255], {@code EXCITATORY} [0, 255], {@code INHIBITORY} [-255, 0]) and
 * whether one weight bit goes to the sign ({@code MIXED} only; nengo-loihi's fanout type 1).
 *
 * @see "loihi1.md §2.3; lava utils/weightutils.py SignMode"
 */
public enum Loihi1SignMode {
    /** Not yet determined; Lava resolves it with {@code determine_sign_mode}. */
    NULL(0),
    /** Both signs; the sign costs one LSB of precision. */
    MIXED(1),
    /** Non-negative weights only. */
    EXCITATORY(2),
    /** Non-positive weights only; truncation acts on the magnitude. */
    INHIBITORY(3);

    /** The modes by code (code i at index i): {@code values()} copies its array on every call. */
    private static final Loihi1SignMode[] BY_CODE = values();

    private final int code;

    Loihi1SignMode(int code) {
        this.code = code;
    }

    /** Lava's integer code of this mode. */
    public int code() {
        return code;
    }

    /** The mode with Lava's code {@code code} (0..3), or null if none has it. */
    public static Loihi1SignMode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
