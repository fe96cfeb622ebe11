package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-LEARN-005 LearningEpochAgreesOnCore: a core has one learning epoch (tEpoch, 6 bits): da_stdp rules whose eligibility decay was fitted for different epochs cannot share a core (loihi1-compartments-reward.md §3.2).
 */
public final class LearningEpochAgreesOnCore implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-LEARN-005";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "LearningEpochAgreesOnCore";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "give the da_stdp projections on a core the same tau_c, or place them on different cores";
    }

    @Override
    public String description() {
        return "a core has one learning epoch (tEpoch, 6 bits): da_stdp rules whose eligibility decay was fitted for different epochs cannot share a core (loihi1-compartments-reward.md §3.2).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        java.util.Map<String, io.neuromap.backends.loihi1.lower.LoweringFacts.Plasticity> byName = new java.util.HashMap<>();
        for (io.neuromap.backends.loihi1.lower.LoweringFacts.Plasticity f : net.facts().plasticity()) {
            byName.put(f.projection(), f);
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (LearningCores c : LearningCores.of(net)) {
            for (int r : c.rules()) {
                String name = net.learning().rules().get(r).name();
                int hash = name.indexOf('#');
                io.neuromap.backends.loihi1.lower.LoweringFacts.Plasticity f = byName.get(hash < 0 ? name
                        : name.substring(0, hash));
                if (f == null || f.tEpoch() == 0 || f.tEpoch() == c.core().tEpoch() || !reported.add(f.projection())) {
                    continue;
                }
                out.add(new Violation(ID, severity(), f.span(), "learning epoch", f.tEpoch(), c.core().tEpoch(), "steps",
                        "`" + f.projection() + "` needs a learning epoch of " + f.tEpoch() + " steps for its tau_c, but "
                                + c.where() + " runs " + c.core().tEpoch() + " for the other rules on it",
                        "give the da_stdp projections onto " + c.blame() + " the same tau_c, or place them on "
                                + "different cores"));
            }
        }
        return out;
    }
}
