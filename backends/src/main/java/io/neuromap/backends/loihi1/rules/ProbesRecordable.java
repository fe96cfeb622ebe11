package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.lower.LoweringFacts;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.mapping.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * LOIHI1-PROBE-001 ProbesRecordable: the chip records spikes, voltages and currents of compartments; other probes are dropped from the config, with a warning.
 */
public final class ProbesRecordable implements Loihi1Rule {
    /** The rule id. */
    public static final String ID = "LOIHI1-PROBE-001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String predicate() {
        return "ProbesRecordable";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String help() {
        return "drop the probe, or record it with the float reference";
    }

    @Override
    public String description() {
        return "the chip records spikes, voltages and currents of compartments, and the management program modulator concentrations; other probes are dropped from the config, with a warning.";
    }

    @Override
    public List<Violation> check(MappedNet net, Loihi1Limits limits) {
        List<Violation> out = new ArrayList<>();
        for (LoweringFacts.Probe f : net.facts().probes()) {
            if (!f.lowered()) {
                out.add(new Violation(ID, severity(), f.span(), "probe", 1, 0, "probes",
                        "probe `" + f.name() + "` (" + f.kind() + ") is not recorded on Loihi 1: " + f.reason(),
                        "drop the probe, or record it with the float reference (neuromap validate)"));
            }
        }
        return out;
    }
}
