package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-INIT-001 InitialVoltageInRange: every v_init fits the chip's voltage range at its
 * neuron's voltage scale. The config's {@code initial_state} sets each compartment's starting
 * voltage, as NxSDK and Lava let the host do; a v_init so far from v_reset that it falls outside
 * [vmin, vmax] is clamped, with a warning.
 */
public final class InitialVoltageInRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-INIT-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "InitialVoltageInRange";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "bring v_init closer to v_reset";
    }

    @Override
    public String description() {
        return "every v_init fits the chip's voltage range [vmin, vmax] at its neuron's voltage scale; one outside "
                + "is clamped, with a warning.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Init f : net.facts().inits()) {
            if (f.clamped() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "initial voltage beyond the chip's range",
                        Math.round(f.maxExcess() * 1e6), 0, "uV",
                        "`" + f.population() + "` has " + f.clamped() + " neuron" + (f.clamped() == 1 ? "" : "s")
                                + " whose v_init lies up to " + CoreChecks.millivolts(f.maxExcess()) + " ("
                                + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * f.maxFraction())
                                + " of the threshold distance) beyond the voltage the chip can hold; they start "
                                + "at the nearest voltage it can",
                        "bring v_init in `" + f.population() + "` closer to v_reset (the chip holds at least 4 "
                                + "threshold distances on either side of it)"));
            }
        }
        return out;
    }
}
