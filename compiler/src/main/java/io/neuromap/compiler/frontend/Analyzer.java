package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.ast.Setting;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic analysis: resolves which network to elaborate, the cell types and constants it sees,
 * and the simulate settings, and reports every problem it finds in one run.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /** Analyses a loaded source set; returns the program only if no error was reported (by this or any earlier phase). */
    public static Optional<AnalyzedProgram> analyze(SourceSet sources, Diagnostics diagnostics) {
        if (sources.programs().isEmpty()) {
            return Optional.empty();
        }
        Program root = sources.root();
        Map<String, CelltypeDecl> celltypes = new LinkedHashMap<>();
        Map<String, Quantity> constants = new LinkedHashMap<>();
        Map<String, SourceSpan> declared = new LinkedHashMap<>();
        for (Program program : sources.programs()) {
            for (CelltypeDecl c : program.itemsOf(CelltypeDecl.class)) {
                declare(c.name(), declared, diagnostics, "cell type");
                celltypes.putIfAbsent(c.name().name(), c);
            }
            for (ConstDecl c : program.itemsOf(ConstDecl.class)) {
                declare(c.name(), declared, diagnostics, "constant");
                evaluateConstant(c, constants, diagnostics);
            }
        }
        Optional<NetworkDecl> network = selectNetwork(sources, diagnostics);
        if (network.isEmpty()) {
            return Optional.empty();
        }
        for (CelltypeDecl c : network.get().itemsOf(CelltypeDecl.class)) {
            declare(c.name(), declared, diagnostics, "cell type");
            celltypes.putIfAbsent(c.name().name(), c);
        }
        for (ConstDecl c : network.get().itemsOf(ConstDecl.class)) {
            declare(c.name(), declared, diagnostics, "constant");
            evaluateConstant(c, constants, diagnostics);
        }
        SimulationSettings simulation = simulation(root, network.get(), constants, diagnostics);
        List<TargetDecl> targets = root.itemsOf(TargetDecl.class);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AnalyzedProgram(sources, network.get(), celltypes, constants, simulation, targets));
    }

    private static void declare(Identifier name, Map<String, SourceSpan> declared, Diagnostics diagnostics, String kind) {
        SourceSpan previous = declared.putIfAbsent(name.name(), name.span());
        if (previous != null && !previous.equals(name.span())) {
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, name.span(), kind + " `" + name.name()
                    + "` is already declared at " + previous.location(), "rename one of them");
        }
    }

    private static void evaluateConstant(ConstDecl c, Map<String, Quantity> constants, Diagnostics diagnostics) {
        try {
            constants.putIfAbsent(c.name().name(), Evaluator.evaluate(c.value(), constantScope(constants)));
        } catch (EvaluationException e) {
            diagnostics.report(e.diagnostic());
        }
    }

    /** A scope that sees the given constants (and nothing per neuron). */
    public static Scope constantScope(Map<String, Quantity> constants) {
        return new Scope() {
            @Override
            public Optional<Quantity> lookup(QualifiedName name) {
                return name.parts().size() == 1 ? Optional.ofNullable(constants.get(name.text())) : Optional.empty();
            }

            @Override
            public Collection<String> visibleNames() {
                return constants.keySet();
            }
        };
    }

    private static Optional<NetworkDecl> selectNetwork(SourceSet sources, Diagnostics diagnostics) {
        Program root = sources.root();
        Map<String, NetworkDecl> networks = new LinkedHashMap<>();
        Map<String, SourceSpan> seen = new LinkedHashMap<>();
        for (Program program : sources.programs()) {
            for (NetworkDecl n : program.itemsOf(NetworkDecl.class)) {
                declare(n.name(), seen, diagnostics, "network");
                networks.putIfAbsent(n.name().name(), n);
            }
        }
        List<SimulateDecl> simulates = root.itemsOf(SimulateDecl.class);
        if (simulates.size() > 1) {
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, simulates.get(1).span(), "a file has at most one simulate block",
                    "remove this block or merge it into the one at " + simulates.get(0).span().location());
        }
        if (!simulates.isEmpty()) {
            Identifier name = simulates.get(0).network();
            NetworkDecl network = networks.get(name.name());
            if (network == null) {
                diagnostics.report(DiagnosticCode.UNKNOWN_NAME, name.span(), "no network named `" + name.name() + "`",
                        Suggestions.help(name.name(), networks.keySet()));
            }
            return Optional.ofNullable(network);
        }
        List<NetworkDecl> own = root.itemsOf(NetworkDecl.class);
        if (own.size() == 1) {
            return Optional.of(own.get(0));
        }
        SourceSpan where = own.isEmpty() ? root.span() : own.get(1).span();
        diagnostics.report(DiagnosticCode.NO_NETWORK, new SourceSpan(where.file(), where.start(), where.start(), where.line(),
                where.column(), where.line(), where.column()),
                own.isEmpty() ? "the file declares no network" : "the file declares " + own.size() + " networks and no simulate block",
                own.isEmpty() ? "declare one: network Name { population p[10] : lif; }"
                        : "add `simulate " + own.get(0).name().name() + " { ... }` to choose one");
        return Optional.empty();
    }

    private static SimulationSettings simulation(Program root, NetworkDecl network, Map<String, Quantity> constants,
            Diagnostics diagnostics) {
        List<SimulateDecl> simulates = root.itemsOf(SimulateDecl.class);
        if (simulates.isEmpty()) {
            return new SimulationSettings(SimulationSettings.DEFAULT_DT, SimulationSettings.DEFAULT_DURATION,
                    SimulationSettings.DEFAULT_SEED, network.name().span());
        }
        SimulateDecl sim = simulates.get(0);
        double dt = SimulationSettings.DEFAULT_DT;
        double duration = SimulationSettings.DEFAULT_DURATION;
        long seed = SimulationSettings.DEFAULT_SEED;
        List<String> seen = new ArrayList<>();
        Scope scope = constantScope(constants);
        for (Setting s : sim.settings()) {
            String key = s.key().name();
            if (seen.contains(key)) {
                diagnostics.report(DiagnosticCode.DUPLICATE_NAME, s.key().span(), "`" + key + "` is set twice", "remove one");
                continue;
            }
            seen.add(key);
            try {
                Quantity q = Evaluator.evaluate(s.value().orElseThrow(), scope);
                switch (key) {
                    case "dt":
                        dt = positive(Evaluator.require(q, Dimension.TIME, s.value().get().span(), "dt"), s, diagnostics, dt);
                        break;
                    case "duration":
                        duration = positive(Evaluator.require(q, Dimension.TIME, s.value().get().span(), "duration"), s,
                                diagnostics, duration);
                        break;
                    case "seed":
                        Evaluator.require(q, Dimension.NONE, s.value().get().span(), "seed");
                        if (q.si() != Math.rint(q.si()) || q.si() < 0 || q.si() > Long.MAX_VALUE) {
                            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, s.value().get().span(),
                                    "seed must be a non-negative whole number, found " + q, "write e.g. seed = 7;");
                        } else {
                            seed = (long) q.si();
                        }
                        break;
                    default:
                        diagnostics.report(DiagnosticCode.UNKNOWN_SETTING, s.key().span(), "unknown simulate setting `" + key + "`",
                                Suggestions.help(key, List.of("dt", "duration", "seed")));
                }
            } catch (EvaluationException e) {
                diagnostics.report(e.diagnostic());
            }
        }
        if (duration < dt) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, sim.span(), "duration is shorter than one time step",
                    "make duration at least dt");
        }
        return new SimulationSettings(dt, duration, seed, sim.span());
    }

    private static double positive(Quantity q, Setting s, Diagnostics diagnostics, double fallback) {
        if (q.si() <= 0) {
            diagnostics.report(DiagnosticCode.OUT_OF_DOMAIN, s.value().orElseThrow().span(), "`" + s.key().name()
                    + "` must be positive, found " + q);
            return fallback;
        }
        return q.si();
    }
}
