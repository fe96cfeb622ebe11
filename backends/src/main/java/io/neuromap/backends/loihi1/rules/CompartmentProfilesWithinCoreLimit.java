package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-CXPROF-001 CompartmentProfilesWithinCoreLimit: compartments share decays, refractory delay and tree wiring through a small profile table per core (loihi1.md §1.6).
 */
public final class CompartmentProfilesWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-CXPROF-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "CompartmentProfilesWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "use fewer distinct time constants per core (--heterogeneity bin)";
    }

    @Override
    public String description() {
        return "compartments share decays, refractory delay and tree wiring through a small profile table per core (loihi1.md §1.6).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "compartment profiles", "profiles", c -> c.compartmentProfiles(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.COMPARTMENT_PROFILES),
                (c, actual, limit, cores) -> "`" + c.population() + "` uses " + actual + " compartment profiles " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "use fewer distinct time constants and refractory periods in `" + c.population() + "` (compile with --heterogeneity bin)");
    }
}
