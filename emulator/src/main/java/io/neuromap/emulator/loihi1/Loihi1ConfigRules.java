package io.neuromap.emulator.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.Loihi1Limits;
import io.neuromap.backends.loihi1.config.Loihi1Config;
import java.util.ArrayList;
import java.util.List;

/**
 * The Loihi 1 design rules {@code emulate} runs on a config before building the emulator, so that
 * a hand-written config gets the same violations a compiled one would (DESIGN.md §The chip config
 * contract). The config reader has already checked every field and cross-reference; these are the
 * capacities that depend on a whole core. All rules run, and every violation is reported.
 */
public final class Loihi1ConfigRules {

    private final List<Loihi1ConfigRule> rules;

    private Loihi1ConfigRules(List<Loihi1ConfigRule> rules) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    /** The rules every Loihi 1 config must satisfy to be emulated. */
    public static Loihi1ConfigRules standard() {
        return new Loihi1ConfigRules(List.of(new Loihi1CompartmentsFitAccumulators(), new Loihi1SynapticMemoryFitsCore()));
    }

    /** The rules, in the order they run. */
    public List<Loihi1ConfigRule> rules() {
        return rules;
    }

    /** Every violation of every rule, for the chip and system the config names. */
    public List<Loihi1RuleViolation> check(Loihi1Config config) {
        requireNonNull(config, "config is null");
        Loihi1Limits limits = Loihi1Limits.of(config.system());
        List<Loihi1RuleViolation> out = new ArrayList<>();
        for (Loihi1ConfigRule rule : rules) {
            out.addAll(rule.check(config, limits));
        }
        return List.copyOf(out);
    }
}
