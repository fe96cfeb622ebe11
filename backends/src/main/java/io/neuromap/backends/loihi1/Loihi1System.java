package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Loihi 1 system a network is mapped onto: a named board (single chip, Kapoho Bay, Nahuku,
 * Pohoiki Springs) or any chip count given with {@code --chips N}. It only fixes how many chips
 * exist; every per-chip and per-core limit is in {@link Loihi1Limits}.
 *
 * <p>Pohoiki Beach (64 chips) is not offered by name because its chip count is commonly reported
 * but unverified (loihi1.md §1.5); {@code --chips 64} models it.
 *
 * @param name the system's name as the command line accepts it
 * @param chips the number of Loihi 1 chips
 * @param source where the chip count comes from
 */
public record Loihi1System(String name, int chips, String source) {

    /** One chip: the default target. */
    public static final Loihi1System SINGLE_CHIP = new Loihi1System("single-chip", 1, "one Loihi 1 chip");

    /** Kapoho Bay, the USB form factor. */
    public static final Loihi1System KAPOHO_BAY = new Loihi1System("kapoho-bay", Loihi1Limits.KAPOHO_BAY_CHIPS,
            "loihi1.md §1.5; lava magma/core/resources.py");

    /** A Nahuku board, fully populated. */
    public static final Loihi1System NAHUKU = new Loihi1System("nahuku", Loihi1Limits.NAHUKU_CHIPS,
            "loihi1.md §1.5; lava magma/core/resources.py");

    /** Pohoiki Springs, Intel's 768-chip system. */
    public static final Loihi1System POHOIKI_SPRINGS = new Loihi1System("pohoiki-springs",
            Loihi1Limits.POHOIKI_SPRINGS_CHIPS, "loihi1.md §1.5; Frady20");

    private static final List<Loihi1System> NAMED = List.of(SINGLE_CHIP, KAPOHO_BAY, NAHUKU, POHOIKI_SPRINGS);

    public Loihi1System {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        if (chips < 1 || chips > Loihi1Limits.MAX_CHIPS) {
            throw new IllegalArgumentException("a Loihi 1 system has 1.." + Loihi1Limits.MAX_CHIPS
                    + " chips, got " + chips);
        }
    }

    /** The systems known by name, smallest first. */
    public static List<Loihi1System> named() {
        return NAMED;
    }

    /** The named system called {@code name} (case-insensitive), if there is one. */
    public static Optional<Loihi1System> byName(String name) {
        requireNonNull(name, "name is null");
        String key = name.toLowerCase(Locale.ROOT);
        for (Loihi1System system : NAMED) {
            if (system.name.equals(key)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    /** True when {@code chips} is a chip count {@code --chips} accepts. */
    public static boolean isValidChipCount(long chips) {
        return chips >= 1 && chips <= Loihi1Limits.MAX_CHIPS;
    }

    /**
     * The system of {@code --chips N}: the named system with that many chips, if any, else a
     * custom one.
     *
     * @throws IllegalArgumentException if {@code chips} is not in 1..{@link Loihi1Limits#MAX_CHIPS};
     *     check with {@link #isValidChipCount} first to report it as a usage error
     */
    public static Loihi1System ofChips(int chips) {
        for (Loihi1System system : NAMED) {
            if (system.chips == chips) {
                return system;
            }
        }
        return new Loihi1System("custom", chips, "--chips " + chips);
    }
}
