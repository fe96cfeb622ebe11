package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.Loihi1System;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-CHIP-001 ChipsWithinSystem: the cores the network needs must fit the chips of the chosen
 * system ({@code --chips N} or {@code --system NAME}; loihi1.md §1.5), each with
 * {@link Loihi1Limits#CORES_PER_CHIP} cores.
 */
public final class ChipsWithinSystem implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-CHIP-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "ChipsWithinSystem";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "choose a system with more chips (--chips, --system), or make the network smaller";
    }

    @Override
    public String description() {
        return "the network's cores must fit on the chips of the target system (loihi1.md §1.5).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        int used = net.chipsUsed();
        if (used <= limits.chips()) {
            return List.of();
        }
        String fix = "compile with --chips " + used;
        for (Loihi1System s : Loihi1System.named()) {
            if (s.chips() >= used) {
                fix += " or --system " + s.name() + " (" + s.chips() + " chips)";
                break;
            }
        }
        return List.of(new Violation(ID, severity(), net.span(), "chips", used, limits.chips(), "chips",
                "`" + net.name() + "` needs " + used + " chips (" + net.cores().size() + " cores), but the system `"
                        + limits.system().name() + "` has " + limits.chips(),
                fix + ", or make the network smaller"));
    }
}
