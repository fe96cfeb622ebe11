package io.neuromap.backends.loihi1.rules;

import io.neuromap.backends.loihi1.emit.Loihi1Emitted;
import io.neuromap.backends.loihi1.emit.Loihi1Partitioned;
import io.neuromap.compiler.diag.Severity;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.mapping.Violation;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code rules} pass: runs every Loihi 1 design rule on the emitted config and the lowering's
 * facts ({@link Loihi1Rules}), and keeps any finding of the mapping engine whose id no rule has:
 * a safety net, since every id the resource model names is a rule's (a test checks), so the rules
 * report each finding once, from the config and the lowering. Violations are data in the result, not
 * diagnostics: an infeasible network still gets its full report.
 */
public final class RulesPass implements Pass<Loihi1Emitted, Loihi1Checked> {
    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String description() {
        return "run every Loihi 1 design rule on the config and the lowering, and report every violation";
    }

    @Override
    public IrKind<Loihi1Emitted> requires() {
        return Loihi1Emitted.KIND;
    }

    @Override
    public IrKind<Loihi1Checked> provides() {
        return Loihi1Checked.KIND;
    }

    @Override
    public Loihi1Checked run(Loihi1Emitted input, PassContext context) {
        Loihi1Partitioned p = input.routed().placed().partitioned();
        Network net = p.lowering().network();
        MappedNet mapped = MappedNet.of(input.config(), p.lowering().facts(), net.name(), net.span(),
                pop -> net.populations().get(pop).span());
        List<Violation> violations = new ArrayList<>(Loihi1Rules.check(mapped, p.limits()));
        Set<String> covered = new HashSet<>();
        for (Loihi1Rule rule : Loihi1Rules.all()) {
            covered.add(rule.id());
        }
        List<Violation> engine = new ArrayList<>(p.partition().violations());
        engine.addAll(input.routed().placed().placement().violations());
        for (Violation v : engine) {
            if (!covered.contains(v.ruleId())) {
                violations.add(v);
            }
        }
        violations.sort((a, b) -> Boolean.compare(a.severity() != Severity.ERROR, b.severity() != Severity.ERROR));
        context.statistics().add("rules", Loihi1Rules.all().size());
        context.statistics().add("errors", violations.stream().filter(v -> v.severity() == Severity.ERROR).count());
        context.statistics().add("warnings", violations.stream().filter(v -> v.severity() != Severity.ERROR).count());
        return new Loihi1Checked(input, violations);
    }
}
