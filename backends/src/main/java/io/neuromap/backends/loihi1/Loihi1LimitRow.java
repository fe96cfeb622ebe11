package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

/**
 * One printable line of the Loihi 1 limits table ({@code neuromap targets loihi1}, docs): a
 * limit's name, its value as the chip documents it (a number, a range or a formula), its unit and
 * where the number comes from. Text, not numbers, because several limits are ranges or formulas;
 * code that needs a number reads {@link Loihi1Limits} directly.
 *
 * @param group the section the row belongs to ("core", "number formats", ...)
 * @param name what is limited
 * @param value the limit as printed
 * @param unit the unit of {@code value}; empty when it has none
 * @param source the spec section and upstream source the value is taken from
 */
public record Loihi1LimitRow(String group, String name, String value, String unit, String source) {

    public Loihi1LimitRow {
        requireNonNull(group, "group is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(source, "source is null");
    }
}
