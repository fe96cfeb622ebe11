package io.neuromap.compiler.frontend;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetItem;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.model.ModelLibrary;
import io.neuromap.compiler.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Analyses one network: declares its own constants and cell types in a scope nested in the
 * files' top level, then resolves and checks, in this order (each step uses what the earlier ones
 * resolved), populations, modulators, projections, receptor bindings, pathways, stimuli and
 * probes, and finally warns about unused modulators and constants.
 */
final class NetworkAnalyzer {
    private final Diagnostics diagnostics;
    private final Hints hints;
    private final NetworkDecl network;
    private final Constants constants;
    private final Declarations names;
    private final Map<String, CelltypeInfo> celltypes;

    /**
     * @param constants the files' top-level constants (this network nests its own)
     * @param names the files' top-level names (constants and cell types)
     * @param celltypes the files' top-level cell types
     */
    NetworkAnalyzer(Diagnostics diagnostics, Hints hints, NetworkDecl network, Constants constants, Declarations names,
            Map<String, CelltypeInfo> celltypes) {
        this.diagnostics = requireNonNull(diagnostics, "diagnostics is null");
        this.hints = requireNonNull(hints, "hints is null");
        this.network = requireNonNull(network, "network is null");
        this.constants = constants.nested();
        this.names = names.nested();
        this.celltypes = new LinkedHashMap<>(celltypes);
    }

    /** Declares the network's own constants and cell types; call before {@link #analyze}. */
    void declareLocals() {
        for (ConstDecl c : network.itemsOf(ConstDecl.class)) {
            if (names.declare(c.name(), "constant")) {
                constants.define(c);
            }
        }
        BodyChecker bodies = new BodyChecker(diagnostics, constants, hints);
        CelltypeChecker checker = new CelltypeChecker(diagnostics, bodies);
        for (CelltypeDecl c : network.itemsOf(CelltypeDecl.class)) {
            boolean fresh = declareCelltype(c.name(), names, diagnostics);
            CelltypeInfo info = checker.check(c, celltypes.keySet());
            if (fresh) {
                celltypes.put(c.name().name(), info);
            }
        }
    }

    /** Declares a cell type name, which must not be a built-in model's; false if it was reported. */
    static boolean declareCelltype(Identifier name, Declarations names, Diagnostics diagnostics) {
        if (ModelLibrary.lookup(name.name()).isPresent()) {
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, name.span(), "cell type `" + name.name()
                    + "` has the name of a built-in model", "rename it, e.g. `" + name.name() + "_cell`");
            return false;
        }
        return names.declare(name, "cell type");
    }

    Constants constants() {
        return constants;
    }

    Map<String, CelltypeInfo> celltypes() {
        return celltypes;
    }

    void analyze(SimulationSettings simulation) {
        NetworkContext context = new NetworkContext(diagnostics, hints, network, constants, celltypes, simulation);
        BodyChecker bodies = new BodyChecker(diagnostics, constants, hints);
        EndpointResolver endpoints = new EndpointResolver(context);

        Declarations populationNames = new Declarations(diagnostics);
        PopulationChecker populations = new PopulationChecker(context, bodies);
        for (PopulationDecl p : network.itemsOf(PopulationDecl.class)) {
            boolean fresh = populationNames.declare(p.name(), "population");
            PopulationInfo info = populations.check(p);
            if (fresh) {
                context.populations().put(p.name().name(), info);
            }
        }

        Declarations modulatorNames = new Declarations(diagnostics);
        ModulatorChecker modulators = new ModulatorChecker(context);
        for (ModulatorDecl m : network.itemsOf(ModulatorDecl.class)) {
            boolean fresh = modulatorNames.declare(m.name(), "modulator");
            boolean external = modulators.check(m);
            if (fresh) {
                context.modulators().put(m.name().name(), new NetworkContext.ModulatorInfo(m, external));
            }
        }

        ProjectionChecker projections = new ProjectionChecker(context, endpoints, bodies);
        Map<String, ProjectionDecl> projectionNames = new LinkedHashMap<>();
        for (ProjectionDecl p : network.itemsOf(ProjectionDecl.class)) {
            String name = p.effectiveName();
            boolean fresh = declareProjection(p, name, projectionNames);
            ProjectionInfo info = projections.check(p, name);
            if (fresh) {
                context.projections().put(name, info);
            }
        }

        modulators.checkReceptors();

        Declarations pathwayNames = new Declarations(diagnostics);
        PathwayChecker pathways = new PathwayChecker(context, endpoints);
        for (PathwayDecl p : network.itemsOf(PathwayDecl.class)) {
            pathwayNames.declare(p.name(), "pathway");
            pathways.check(p);
        }

        Declarations stimulusNames = new Declarations(diagnostics);
        Declarations probeNames = new Declarations(diagnostics);
        StimulusProbeChecker io = new StimulusProbeChecker(context, endpoints, bodies);
        for (NetItem item : network.items()) {
            if (item instanceof StimulusDecl s) {
                stimulusNames.declare(s.name(), "stimulus");
                io.stimulus(s);
            } else if (item instanceof ProbeDecl p) {
                p.name().ifPresent(n -> probeNames.declare(n, "probe"));
                io.probe(p);
            }
        }

        context.reportUnknownNames();
        for (ModulatorDecl m : network.itemsOf(ModulatorDecl.class)) {
            String name = m.name().name();
            if (context.modulators().get(name) != null && context.modulators().get(name).decl() == m && !context.isModulatorUsed(name)) {
                diagnostics.report(DiagnosticCode.UNUSED_MODULATOR, m.name().span(), "modulator `" + name + "` is not used by any pathway",
                        "act through it with a pathway (pathway p : " + name + " -> celltype X via R { effect ...; }), or remove it");
            }
        }
        constants.reportUnused(network.itemsOf(ConstDecl.class));
    }

    private boolean declareProjection(ProjectionDecl p, String name, Map<String, ProjectionDecl> seen) {
        ProjectionDecl previous = seen.putIfAbsent(name, p);
        if (previous == null) {
            return true;
        }
        String pre = p.pre().population().name();
        String post = p.post().population().name();
        if (p.name().isEmpty() && previous.name().isEmpty()) {
            SourceSpan at = p.pre().span().to(p.post().span());
            diagnostics.report(DiagnosticCode.DUPLICATE_NAME, at, "a second unnamed projection from `" + pre + "` to `" + post
                    + "`: both would be called `" + name + "` (the first is at line " + previous.span().line() + ")",
                    "name them: project " + name + "_2 : " + pre + " -> " + post + " with ...");
            return false;
        }
        SourceSpan at = p.name().map(Identifier::span).orElse(p.pre().span().to(p.post().span()));
        diagnostics.report(DiagnosticCode.DUPLICATE_NAME, at, "projection `" + name + "` is already declared at "
                + previous.span().location() + (p.name().isEmpty() ? " (an unnamed projection from `" + pre + "` to `" + post
                        + "` is called `" + name + "`)" : ""), "rename one of them");
        return false;
    }
}
