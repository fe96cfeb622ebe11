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

    private final int code;

    Loihi1SignMode(int code) {
        this.code = code;
    }

    /** Lava's integer code of this mode. */
    public int code() {
        return code;
    }
}
