package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.List;

/**
 * LOIHI1-VTHPROF-001 ThresholdProfilesWithinCoreLimit: compartments share thresholds through a small table per core (loihi1.md §1.6).
 */
public final class ThresholdProfilesWithinCoreLimit implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-VTHPROF-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "ThresholdProfilesWithinCoreLimit";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "use fewer distinct thresholds per core";
    }

    @Override
    public String description() {
        return "compartments share thresholds through a small table per core (loihi1.md §1.6).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        return CoreChecks.overLimit(net, ID, severity(), "threshold profiles", "profiles", c -> c.thresholdProfiles(), c -> limits.capacity(io.neuromap.backends.loihi1.Loihi1Resource.THRESHOLD_PROFILES),
                (c, actual, limit, cores) -> "`" + c.population() + "` and its core neighbours use " + actual + " threshold profiles " + CoreChecks.where(c, cores) + ", but a core has " + limit,
                (c, actual, limit, cores) -> "put fewer populations with different thresholds on one core, or use fewer distinct thresholds");
    }
}
