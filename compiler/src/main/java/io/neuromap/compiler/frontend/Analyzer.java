package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.SimulateDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.ast.TopItem;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.diag.Suggestions;
import io.neuromap.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic analysis: everything a parsed program must satisfy before it is elaborated, reported
 * in one run (analysis keeps going after an error, and one mistake gives one diagnostic).
 *
 * <p>The steps: declare the constants and cell types of every file (imports included, in
 * dependency order; a name declared twice is reported at the second declaration); check every
 * cell type; select the network (the root file's {@code simulate} block names it, else the root
 * file has exactly one); check the {@code simulate} and {@code target} blocks; then check the
 * selected network and every other network of the root file with {@link NetworkAnalyzer}. The
 * checks of each area live in their own class: {@link BodyChecker} (parameters, units, domains,
 * {@code let}), {@link DistributionChecker}, {@link ArgumentBinder} (catalog signatures),
 * {@link PopulationChecker}, {@link ProjectionChecker}, {@link ModulatorChecker},
 * {@link PathwayChecker}, {@link StimulusProbeChecker}, {@link RunSettingsChecker}.
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
        Hints hints = new Hints(sources.files());
        Constants constants = new Constants(diagnostics);
        Declarations names = new Declarations(diagnostics);
        List<CelltypeDecl> celltypeDecls = new ArrayList<>();
        for (Program program : sources.programs()) {
            for (TopItem item : program.items()) {
                if (item instanceof ConstDecl c) {
                    if (names.declare(c.name(), "constant")) {
                        constants.define(c);
                    }
                } else if (item instanceof CelltypeDecl c && NetworkAnalyzer.declareCelltype(c.name(), names, diagnostics)) {
                    celltypeDecls.add(c);
                }
            }
        }
        Map<String, CelltypeInfo> celltypes = new LinkedHashMap<>();
        CelltypeChecker celltypeChecker = new CelltypeChecker(diagnostics, new BodyChecker(diagnostics, constants, hints));
        List<String> celltypeNames = celltypeDecls.stream().map(c -> c.name().name()).toList();
        for (CelltypeDecl c : celltypeDecls) {
            celltypes.put(c.name().name(), celltypeChecker.check(c, celltypeNames));
        }

        Optional<NetworkDecl> selected = selectNetwork(sources, diagnostics);
        List<NetworkDecl> toCheck = new ArrayList<>();
        selected.ifPresent(toCheck::add);
        for (NetworkDecl n : root.itemsOf(NetworkDecl.class)) {
            if (!toCheck.contains(n)) {
                toCheck.add(n);
            }
        }
        List<SimulateDecl> simulates = root.itemsOf(SimulateDecl.class);
        SimulationSettings simulation = null;
        Optional<NetworkAnalyzer> selectedAnalyzer = Optional.empty();
        for (NetworkDecl n : toCheck) {
            NetworkAnalyzer analyzer = new NetworkAnalyzer(diagnostics, hints, n, constants, names, celltypes);
            analyzer.declareLocals();
            if (simulation == null) {
                RunSettingsChecker run = new RunSettingsChecker(diagnostics, analyzer.constants());
                simulation = run.simulate(simulates.stream().findFirst(), n.name().span());
                run.targets(root.itemsOf(TargetDecl.class));
            }
            if (selected.isPresent() && n == selected.get()) {
                selectedAnalyzer = Optional.of(analyzer);
            }
            analyzer.analyze(simulation);
        }
        if (simulation == null) {
            RunSettingsChecker run = new RunSettingsChecker(diagnostics, constants);
            run.simulate(simulates.stream().findFirst(), root.span());
            run.targets(root.itemsOf(TargetDecl.class));
        }
        constants.reportUnused(root.itemsOf(ConstDecl.class));
        if (diagnostics.hasErrors() || selected.isEmpty() || selectedAnalyzer.isEmpty()) {
            return Optional.empty();
        }
        NetworkAnalyzer analyzer = selectedAnalyzer.get();
        Map<String, CelltypeDecl> visible = new LinkedHashMap<>();
        analyzer.celltypes().forEach((k, v) -> visible.put(k, v.decl()));
        return Optional.of(new AnalyzedProgram(sources, selected.get(), visible, analyzer.constants().all(), simulation,
                root.itemsOf(TargetDecl.class)));
    }

    private static Optional<NetworkDecl> selectNetwork(SourceSet sources, Diagnostics diagnostics) {
        Program root = sources.root();
        Map<String, NetworkDecl> networks = new LinkedHashMap<>();
        Declarations seen = new Declarations(diagnostics);
        for (Program program : sources.programs()) {
            for (NetworkDecl n : program.itemsOf(NetworkDecl.class)) {
                if (seen.declare(n.name(), "network")) {
                    networks.put(n.name().name(), n);
                }
            }
        }
        List<SimulateDecl> simulates = root.itemsOf(SimulateDecl.class);
        if (simulates.size() > 1) {
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, simulates.get(1).network().span(), "a file has at most one simulate block",
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
        SourceSpan where = own.isEmpty() ? root.span() : own.get(1).name().span();
        diagnostics.report(DiagnosticCode.NO_NETWORK, own.isEmpty() ? new SourceSpan(where.file(), where.start(), where.start(),
                where.line(), where.column(), where.line(), where.column()) : where,
                own.isEmpty() ? "the file declares no network" : "the file declares " + own.size() + " networks and no simulate block",
                own.isEmpty() ? "declare one: network Name { population p[10] : lif; }"
                        : "add `simulate " + own.get(0).name().name() + " { ... }` to choose one");
        return Optional.empty();
    }
}
