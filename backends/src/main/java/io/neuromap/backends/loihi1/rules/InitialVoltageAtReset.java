package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-INIT-001 InitialVoltageAtReset: the chip starts every compartment at v = 0, the neuron's reset; a v_init elsewhere is approximated by the reset, with a warning.
 */
public final class InitialVoltageAtReset implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-INIT-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "InitialVoltageAtReset";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "set v_init = v_reset";
    }

    @Override
    public String description() {
        return "the chip starts every compartment at v = 0, the neuron's reset; a v_init elsewhere is approximated by the reset, with a warning.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Init f : net.facts().inits()) {
            if (f.maxOffset() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "initial voltage", Math.round(f.maxOffset() * 1e6), 0,
                        "uV",
                        "`" + f.population() + "` starts up to " + CoreChecks.millivolts(f.maxOffset()) + " ("
                                + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * f.maxFraction())
                                + " of its threshold distance) away from v_reset, but the chip starts every "
                                + "compartment at its reset",
                        "set v_init = v_reset in `" + f.population() + "` to start where the chip does"));
            }
        }
        return out;
    }
}
