package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-STIM-001 StimuliLowered: stimuli must become input spikes, a bias or per-step current injections; an injected value must fit the synaptic accumulator (Q_BITS).
 */
public final class StimuliLowered implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-STIM-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "StimuliLowered";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String help() {
        return "drive neurons through spike-source populations, and keep dc amplitudes in range";
    }

    @Override
    public String description() {
        return "stimuli must become input spikes, a bias or per-step current injections; an injected value must fit the synaptic accumulator (Q_BITS).";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Stimulus f : net.facts().stimuli()) {
            if (!f.lowered()) {
                out.add(new Violation(ID, severity(), f.span(), "stimulus", 1, 0, "stimuli",
                        f.kind() + " stimulus `" + f.name() + "` cannot be lowered: " + f.reason(),
                        "drive the target with a spike-source population instead (poisson or spike_times)"));
            } else {
                long max = (1L << Loihi1Limits.Q_BITS) - 1;
                long value = (long) Math.ceil(f.maxValue());
                if (value > max) {
                    out.add(new Violation(ID, severity(), f.span(), "current injection", value, max, "state units",
                            f.kind() + " stimulus `" + f.name() + "` injects " + value + " state units per step, more "
                                    + "than the synaptic accumulator holds",
                            "lower the amplitude of `" + f.name() + "` by a factor of at least "
                                    + CoreChecks.factorUp(value / (double) max)));
                }
            }
        }
        return out;
    }
}
