package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-VTH-001 ThresholdAboveReset: Loihi 1 resets to 0 and fires when v exceeds a positive threshold mantissa, so v_thresh must lie above v_reset (the compiler measures v from v_reset; a reset other than v_rest is exact).
 */
public final class ThresholdAboveReset implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-VTH-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "ThresholdAboveReset";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "set v_reset below v_thresh";
    }

    @Override
    public String description() {
        return "Loihi 1 resets to 0 and fires when v exceeds a positive threshold mantissa, so v_thresh must lie above v_reset (the compiler measures v from v_reset; a reset other than v_rest is exact).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Threshold f : net.facts().thresholds()) {
            if (!(f.minGap() > 0)) {
                out.add(new Violation(ID, severity(), f.span(), "reset above threshold",
                        Math.round(-f.minGap() * 1e6), 0, "uV",
                        "`" + f.population() + "` has v_thresh - v_reset = " + CoreChecks.millivolts(f.minGap())
                                + ": Loihi 1 resets to 0 and fires above a positive threshold mantissa",
                        "set v_reset below v_thresh in `" + f.population() + "`"));
            }
        }
        return out;
    }
}
