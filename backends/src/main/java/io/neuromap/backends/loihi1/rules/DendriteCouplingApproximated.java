package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LOIHI1-TREE-001 DendriteCouplingApproximated: Loihi 1 compartment trees pass values towards the soma only, so a two-compartment neuron's soma-to-dendrite current is held at the soma's mean voltage under the network's mean drive; the compiler warns with the coupling's share of the dendrite's leak and the bound on the soma's voltage error.
 * The formulas are {@link io.neuromap.backends.loihi1.lower.DendriteCoupling}'s.
 */
public final class DendriteCouplingApproximated implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-TREE-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "DendriteCouplingApproximated";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "lower g_c, or accept the approximation and measure it with neuromap validate";
    }

    @Override
    public String description() {
        return "Loihi 1 compartment trees pass values towards the soma only, so a two-compartment neuron's soma-to-dendrite current is held at the soma's mean voltage under the network's mean drive; the compiler warns with the coupling's share of the dendrite's leak and the bound on the soma's voltage error.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Coupling f : net.facts().couplings()) {
            if (f.maxShare() > 0) {
                out.add(new Violation(ID, severity(), f.span(), "dendritic coupling",
                        Math.round(f.maxShare() * 1000), 0, "per mille",
                        "the soma-to-dendrite current g_c (V_s - E_d) of `" + f.population() + "` is held at the soma's "
                                + "mean voltage under the network's mean drive, V* = " + range(f)
                                + " (g_c is up to " + String.format(Locale.ROOT, "%.0f%%", 100 * f.maxShare())
                                + " of the dendrite's leak): the soma's error is at most "
                                + String.format(Locale.ROOT, "%.2f mV", 1e3 * f.maxSomaError())
                                + " while it stays between reset and threshold, and averages out when V* is its mean; Loihi 1 "
                                + "trees pass values towards the soma only" + baselineNote(f),
                        "lower g_c of `" + f.population() + "` if the dendrite must follow the soma closely; "
                                + "neuromap validate measures the effect"));
            }
        }
        return out;
    }

    /** Names the modulators V* could only take at their baseline: their concentration is known at run time only. */
    private static String baselineNote(LoweringFacts.Coupling f) {
        if (f.atBaseline().isEmpty()) {
            return "";
        }
        boolean one = f.atBaseline().size() == 1;
        return "; V* takes " + String.join(", ", f.atBaseline()) + " at " + (one ? "its" : "their")
                + " baseline: released by neurons on the chip, " + (one ? "its" : "their")
                + " concentration is only known at run time, so the excitability and gain "
                + (one ? "it adds" : "they add") + " then are not in V*";
    }

    private static String range(LoweringFacts.Coupling f) {
        String lo = String.format(Locale.ROOT, "%.1f mV", 1e3 * f.minOperatingPoint());
        String hi = String.format(Locale.ROOT, "%.1f mV", 1e3 * f.maxOperatingPoint());
        return lo.equals(hi) ? lo : lo + " to " + hi;
    }
}
