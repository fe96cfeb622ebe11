package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LOIHI1-LEARN-007 DaStdpPairingWithinRange: a da_stdp projection whose single pairing, at the
 * modulator's expected level, moves a weight by many times its range over the eligibility's life
 * ({@code A_plus W |E[M] - b| tau_c / 1 ms / (w_max - w_min)}) learns bang-bang: every weight
 * sits at a bound with the sign of its eligibility, so which bound is decided by the exact
 * pre/post spike order. The chip keeps that order only to its 7-bit traces (a pairing more than
 * about {@code tau ln 32} apart is lost) and moves a weight up to an epoch later than the float
 * rule; one spike a step late then flips weights, and the flips change the spikes.
 *
 * <p>Measured on samples/striatum_d1_d2.nmap at 2,000 steps: at 5,300 ranges per pairing (as
 * written) mean {@code |w_emu - w_ref|} is 18 % of w_max and van Rossum 0.61 per spike, while the
 * float reference itself diverges by 0.38 to 0.51 when one input spike arrives a step late (0.14
 * to 0.17 without learning); with A_plus scaled to 0.1, 0.01 and 0.002 (530, 53 and 11 ranges) the
 * weights stay 16 to 18 % apart and van Rossum 0.57 to 0.59. The distal-reward sample (about 5
 * ranges, phasic dopamine) validates with weights 1.9 % apart. The limit, 10, lies between the
 * two. A warning: the network maps and runs, but its learned weights are not the reference's.
 */
public final class DaStdpPairingWithinRange implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-007";
    /** Weight ranges per pairing above which da_stdp learns bang-bang on the chip (see the class comment). */
    public static final double LIMIT = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "DaStdpPairingWithinRange";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "bring b to the modulator's tonic level, shorten tau_c, or scale A_plus and A_minus down";
    }

    @Override
    public String description() {
        return "one da_stdp pairing at the modulator's expected level moves a weight by at most 10 times its range "
                + "(w_max - w_min) over tau_c; above that the weights jump between the bounds with the eligibility's "
                + "sign, which one-step spike shifts and the chip's 7-bit traces decide (striatum sample, 5,300: "
                + "learned weights 18% of w_max apart, van Rossum 0.61)";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Plasticity f : net.facts().plasticity()) {
            double g = f.pairingRange();
            if (!f.lowered() || !(g > LIMIT)) {
                continue;
            }
            out.add(new Violation(ID, severity(), f.span(), "da_stdp weight ranges per pairing", Math.round(g),
                    Math.round(LIMIT), "ranges",
                    String.format(Locale.ROOT, "`%s`: one pairing at the modulator's expected level moves a weight by "
                            + "%.3g times its range (w_max - w_min) over tau_c, so its weights jump between the "
                            + "bounds with the sign of the eligibility; the chip's 7-bit traces and one-step spike "
                            + "shifts decide that sign differently from the float rule (measured at 11 to 5,300 ranges: "
                            + "learned weights 16 to 18%% of w_max apart on average, van Rossum about 0.6)", f.projection(),
                            g),
                    String.format(Locale.ROOT, "bring b to the modulator's tonic level, shorten tau_c, or scale "
                            + "A_plus and A_minus by 1/%.3g, so that a weight integrates many pairings", g / LIMIT)));
        }
        return out;
    }
}
