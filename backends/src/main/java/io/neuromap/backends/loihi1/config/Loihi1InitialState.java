package io.neuromap.backends.loihi1.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The state a host sets in some of a core's compartments before the run, as NxSDK's compartment
 * state, nengo-loihi's emulator state and Lava's {@code u}/{@code v} initial values do: one row
 * per listed compartment, in increasing compartment order, each compartment at most once. A
 * compartment without a row starts at u = 0, v = 0 (its reset). Values are state units of the
 * chip (24-bit u, v within the core's [vmin, vmax]). The arrays are owned by this record.
 *
 * @param compartment the compartment on this core, strictly increasing
 * @param u its initial current
 * @param v its initial voltage
 */
public record Loihi1InitialState(int[] compartment, int[] u, int[] v) {

    public Loihi1InitialState {
        requireNonNull(compartment, "compartment is null");
        requireNonNull(u, "u is null");
        requireNonNull(v, "v is null");
        if (u.length != compartment.length) {
            throw new IllegalArgumentException("u has " + u.length + " values, compartment has " + compartment.length);
        }
        if (v.length != compartment.length) {
            throw new IllegalArgumentException("v has " + v.length + " values, compartment has " + compartment.length);
        }
    }

    /** Every compartment starts at its reset (u = 0, v = 0): format version 1 without the table. */
    public static Loihi1InitialState none() {
        return new Loihi1InitialState(new int[0], new int[0], new int[0]);
    }

    /** Number of rows. */
    public int count() {
        return compartment.length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Loihi1InitialState)) {
            return false;
        }
        Loihi1InitialState that = (Loihi1InitialState) o;
        return Arrays.equals(compartment, that.compartment) && Arrays.equals(u, that.u) && Arrays.equals(v, that.v);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(compartment);
        h = 31 * h + Arrays.hashCode(u);
        h = 31 * h + Arrays.hashCode(v);
        return h;
    }

    @Override
    public String toString() {
        return "Loihi1InitialState[compartment=" + compartment.length + " values, u=" + u.length + " values, v="
                + v.length + " values]";
    }
}
