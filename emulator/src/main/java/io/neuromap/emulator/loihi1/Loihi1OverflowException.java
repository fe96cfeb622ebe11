package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

/**
 * The first fixed-point overflow of a strict run, located: nengo-loihi's {@code SimulationError}
 * ("Overflow in q0", "Overflow in current", "Overflow in u2"), with the step, chip, core and
 * compartment it happened in and the value that did not fit. The step in which it happened was
 * completed on every core before the run stopped, so "first" is the same for any thread count:
 * the earliest step, then the lowest core in config order, then the lowest compartment.
 */
public final class Loihi1OverflowException extends Loihi1EmulationException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final int chip;
    private final int core;
    private final int compartment;
    private final Loihi1OverflowKind kind;
    private final long value;

    Loihi1OverflowException(int step, int chip, int core, int compartment, Loihi1OverflowKind kind, long value) {
        super("step " + step + ", chip " + chip + ", core " + core + ", compartment " + compartment + ": "
                + requireNonNull(kind, "kind is null").message() + " (value " + value + " does not fit)");
        this.step = step;
        this.chip = chip;
        this.core = core;
        this.compartment = compartment;
        this.kind = kind;
        this.value = value;
    }

    /** The 0-based step. */
    public int step() {
        return step;
    }

    /** The chip id. */
    public int chip() {
        return chip;
    }

    /** The core id on the chip. */
    public int core() {
        return core;
    }

    /** The compartment on the core. */
    public int compartment() {
        return compartment;
    }

    /** Which register overflowed. */
    public Loihi1OverflowKind kind() {
        return kind;
    }

    /** The value before it was wrapped. */
    public long value() {
        return value;
    }
}
