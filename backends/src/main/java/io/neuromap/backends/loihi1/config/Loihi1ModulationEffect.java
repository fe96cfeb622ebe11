package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One effect of the management program: after each step, the response table {@code lut} of
 * modulator {@code modulator}'s concentration gives an integer y, and every target's register
 * is combined with it by {@code op} (see {@link Loihi1ModulationOp}). Every register a program
 * touches restarts from its configured value (the compartment table's bias, the threshold
 * profile's mantissa) before the effects act, in the order of the config's effect list. The
 * arrays are owned by this record.
 *
 * @param name what the effect came from (the pathway and effect), for reports
 * @param modulator index into the program's modulators
 * @param register the register rewritten
 * @param op how y combines with it
 * @param fracBits F, the fraction bits of {@code scale y} (or {@code r y} for multiply), 0..62
 * @param lut the response table
 * @param chip chip id per target
 * @param core core id per target
 * @param index compartment (bias) or threshold profile (vth) per target
 * @param scale the target's factor on y (unused by {@code multiply})
 */
public record Loihi1ModulationEffect(String name, int modulator, Loihi1ModulationRegister register, Loihi1ModulationOp op,
        int fracBits, Loihi1ModulationLut lut, int[] chip, int[] core, int[] index, int[] scale) {

    public Loihi1ModulationEffect {
        requireNonNull(name, "name is null");
        requireNonNull(register, "register is null");
        requireNonNull(op, "op is null");
        requireNonNull(lut, "lut is null");
        requireNonNull(chip, "chip is null");
        requireNonNull(core, "core is null");
        requireNonNull(index, "index is null");
        requireNonNull(scale, "scale is null");
        if (core.length != chip.length || index.length != chip.length || scale.length != chip.length) {
            throw new IllegalArgumentException("chip, core, index and scale differ in length");
        }
    }

    /** Number of targets. */
    public int count() {
        return chip.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Loihi1ModulationEffect that && name.equals(that.name) && modulator == that.modulator
                && register == that.register && op == that.op && fracBits == that.fracBits && lut.equals(that.lut)
                && Arrays.equals(chip, that.chip) && Arrays.equals(core, that.core) && Arrays.equals(index, that.index)
                && Arrays.equals(scale, that.scale);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        h = 31 * h + modulator;
        h = 31 * h + register.hashCode();
        h = 31 * h + op.hashCode();
        h = 31 * h + fracBits;
        h = 31 * h + lut.hashCode();
        h = 31 * h + Arrays.hashCode(chip);
        h = 31 * h + Arrays.hashCode(core);
        h = 31 * h + Arrays.hashCode(index);
        return 31 * h + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Loihi1ModulationEffect[" + name + ", modulator " + modulator + ", " + register.jsonName() + " "
                + op.jsonName() + ", " + count() + " targets]";
    }
}
