package io.neuromap.compiler.elaborate;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.ast.ModulatorDecl;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.PathwayDecl;
import io.neuromap.compiler.ast.PopulationDecl;
import io.neuromap.compiler.ast.ProbeDecl;
import io.neuromap.compiler.ast.ProjectionDecl;
import io.neuromap.compiler.ast.StimulusDecl;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.ir.IrProblem;
import io.neuromap.compiler.ir.IrVerifier;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.ir.Probe;
import io.neuromap.compiler.ir.Stimulus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The elaboration pass: {@link AnalyzedProgram} in, {@link Network} out. Requires a program
 * that analysis accepted (names, units and domains valid); provides the IR with every neuron,
 * synapse and binding made concrete, checked by {@link IrVerifier}.
 *
 * <p>Problems that only show when values are drawn or files read (a clip that never hits, a
 * connector that cannot be realised, a bad synapse list, a projection too large) are reported
 * to the sink as located diagnostics, and no network is returned. Elaboration keeps going after
 * a problem, so one run reports all of them. The result does not depend on
 * {@link ElaborationOptions#threads()}. Stateless; safe to call from several threads with
 * separate sinks.
 */
public final class Elaborator {
    /** The most neurons a network can have: global indices are Java array indices. */
    public static final int MAX_NEURONS = Integer.MAX_VALUE - 8;

    private Elaborator() {
    }

    /** Elaborates with {@link ElaborationOptions#defaults()}. */
    public static Optional<Network> elaborate(AnalyzedProgram program, Diagnostics diagnostics) {
        return elaborate(program, diagnostics, ElaborationOptions.defaults());
    }

    /**
     * @return the network, or empty when elaboration reported an error
     * @throws IllegalStateException if the produced IR fails verification (a compiler bug)
     */
    public static Optional<Network> elaborate(AnalyzedProgram program, Diagnostics diagnostics, ElaborationOptions options) {
        requireNonNull(program, "program is null");
        requireNonNull(diagnostics, "diagnostics is null");
        requireNonNull(options, "options is null");
        int errorsBefore = diagnostics.errorCount();
        NetworkDecl net = program.network();
        try (Parallel parallel = new Parallel(options.threads())) {
            ElaborationContext ctx = new ElaborationContext(program, diagnostics, parallel);
            for (PopulationDecl p : net.itemsOf(PopulationDecl.class)) {
                PopulationElaborator.elaborate(ctx, p);
            }
            for (ProjectionDecl p : net.itemsOf(ProjectionDecl.class)) {
                ProjectionElaborator.elaborate(ctx, p);
            }
            ModulationElaborator modulation = new ModulationElaborator(ctx);
            for (ModulatorDecl m : net.itemsOf(ModulatorDecl.class)) {
                modulation.modulator(m);
            }
            for (PathwayDecl p : net.itemsOf(PathwayDecl.class)) {
                modulation.pathway(p);
            }
            List<Stimulus> stimuli = new ArrayList<>();
            for (StimulusDecl s : net.itemsOf(StimulusDecl.class)) {
                StimulusElaborator.elaborate(ctx, s).ifPresent(stimuli::add);
            }
            List<Probe> probes = new ArrayList<>();
            for (ProbeDecl p : net.itemsOf(ProbeDecl.class)) {
                ProbeElaborator.elaborate(ctx, p).ifPresent(probes::add);
            }
            if (diagnostics.errorCount() > errorsBefore) {
                return Optional.empty();
            }
            Network network = new Network(net.name().name(), net.span(), program.simulation(), ctx.populations(),
                    ctx.projections(), modulation.modulators(), modulation.pathways(), stimuli, probes,
                    program.targets().stream().map(TargetDecl::name).map(io.neuromap.compiler.ast.Identifier::name).toList());
            if (options.verify()) {
                List<IrProblem> problems = IrVerifier.verify(network);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("elaboration produced invalid IR (a compiler bug):\n"
                            + problems.stream().map(IrProblem::toString).collect(Collectors.joining("\n")));
                }
            }
            return Optional.of(network);
        }
    }
}
