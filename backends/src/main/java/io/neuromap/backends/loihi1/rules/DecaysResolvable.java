package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Discretization;
import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-DECAY-001 DecaysResolvable: a decay is the fraction 1 - exp(-dt / tau) in 12 bits; at or below half a unit the time constant is too long for the chip (nengo-loihi: Current (U) / Voltage (V) scaling is required).
 */
public final class DecaysResolvable implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-DECAY-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "DecaysResolvable";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "shorten the time constant, or use a larger dt";
    }

    @Override
    public String description() {
        return "a decay is the fraction 1 - exp(-dt / tau) in 12 bits; at or below half a unit the time constant is too long for the chip (nengo-loihi: Current (U) / Voltage (V) scaling is required).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Decay f : net.facts().decays()) {
            if (!Loihi1Discretization.isDecayScalable(f.minFraction())) {
                double longest = -f.dt() / Math.log1p(-Loihi1Discretization.DECAY_SCALE_THRESHOLD);
                long steps = Math.round(f.maxTau() / f.dt());
                long limitSteps = (long) Math.floor(longest / f.dt());
                String what = f.current() ? "current (U) scaling" : "voltage (V) scaling";
                out.add(new Violation(ID, severity(), f.span(), f.current() ? "current decay" : "voltage decay", steps,
                        limitSteps, "steps",
                        f.parameter() + " of `" + f.population() + "` is " + CoreChecks.time(f.maxTau()) + " (" + steps
                                + " steps): its decay rounds to zero in 12 bits; nengo-loihi says " + what
                                + " is required",
                        "use " + f.parameter() + " < " + CoreChecks.time(longest) + " in `" + f.population()
                                + "`, or a larger dt"));
            }
        }
        return out;
    }
}
