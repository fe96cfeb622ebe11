package io.neuromap.backends.loihi1;

import static java.util.Objects.requireNonNull;

import io.neuromap.backends.loihi1.emit.EmitPass;
import io.neuromap.backends.loihi1.emit.PartitionPass;
import io.neuromap.backends.loihi1.emit.PlacePass;
import io.neuromap.backends.loihi1.emit.RoutePass;
import io.neuromap.backends.loihi1.lower.LowerPass;
import io.neuromap.backends.loihi1.rules.Loihi1Checked;
import io.neuromap.backends.loihi1.rules.RulesPass;
import io.neuromap.compiler.StandardPasses;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.FrontEndIr;
import io.neuromap.compiler.frontend.SourceSet;
import io.neuromap.compiler.ir.Network;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassManager;
import io.neuromap.compiler.pass.PassRegistry;
import io.neuromap.compiler.pass.Pipeline;
import io.neuromap.compiler.pass.PipelineResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Loihi 1 compiler: {@code load, analyse, elaborate} (the front end) then {@code lower,
 * partition, place, route, emit, rules}, each a pass with a typed output that the pass manager
 * verifies after it runs (DESIGN.md, stages 1-8). Infeasibility is not an error of the pipeline:
 * every pass runs, and the result holds every violation with the config that would have been
 * written, so the reports are complete; only language errors stop it early.
 */
public final class Loihi1Compiler {
    /** The name of the whole pipeline in {@link #registry}. */
    public static final String PIPELINE = "compile-loihi1";
    /** The back-end part of the pipeline, from the network IR. */
    public static final String BACK_END = "lower,partition,place,route,emit,rules";

    private Loihi1Compiler() {
    }

    /** The back-end passes for {@code options}, in order. */
    public static List<Pass<?, ?>> backEnd(Loihi1CompileOptions options) {
        requireNonNull(options, "options is null");
        return List.of(new LowerPass(options.lower()), new PartitionPass(options.limits(), options.partition()),
                new PlacePass(options.placement()), new RoutePass(), new EmitPass(), new RulesPass());
    }

    /**
     * The standard passes plus the Loihi 1 back end, with the named pipelines {@code check} and
     * {@value #PIPELINE} ({@code check,elaborate,} {@value #BACK_END}), for pipelines written as
     * text and {@code --print-ir-after}.
     */
    public static PassRegistry registry(Loihi1CompileOptions options) {
        PassRegistry standard = StandardPasses.registry();
        PassRegistry.Builder b = PassRegistry.builder();
        for (String name : standard.passNames()) {
            b.add(standard.pass(name).orElseThrow());
        }
        for (Pass<?, ?> p : backEnd(options)) {
            b.add(p);
        }
        for (Map.Entry<String, String> e : standard.pipelines().entrySet()) {
            b.pipeline(e.getKey(), e.getValue());
        }
        b.pipeline(PIPELINE, StandardPasses.CHECK + ",elaborate," + BACK_END);
        return b.build();
    }

    /** The full pipeline from a file. */
    public static Pipeline pipeline(Loihi1CompileOptions options) {
        return registry(options).parse(PIPELINE);
    }

    /** Compiles {@code file} with a plain pass manager (verifier after every pass). */
    public static Loihi1CompileResult compile(Path file, Loihi1CompileOptions options) {
        return compile(file, options, p -> PassManager.builder(p).build());
    }

    /**
     * Compiles {@code file} with the pass manager {@code managers} makes for the pipeline (the
     * command line adds its instruments there).
     */
    public static Loihi1CompileResult compile(Path file, Loihi1CompileOptions options,
            Function<Pipeline, PassManager> managers) {
        requireNonNull(file, "file is null");
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = managers.apply(pipeline(options)).run(file, diagnostics);
        SourceSet sources = result.output(FrontEndIr.SOURCES).orElse(new SourceSet(List.of(), Map.of()));
        Optional<Loihi1Checked> checked = diagnostics.hasErrors() ? Optional.empty() : result.output(Loihi1Checked.KIND);
        return new Loihi1CompileResult(diagnostics, sources, result, checked);
    }

    /** Runs the back end on an elaborated network (tests, benchmarks, {@code validate}). */
    public static Loihi1Checked compile(Network network, Loihi1CompileOptions options) {
        requireNonNull(network, "network is null");
        Diagnostics diagnostics = new Diagnostics();
        PipelineResult result = PassManager.builder(Pipeline.of(backEnd(options))).build().run(network, diagnostics);
        return result.output(Loihi1Checked.KIND).orElseThrow(() -> new IllegalStateException(
                "the Loihi 1 back end stopped after " + result.stoppedAfter().orElse("?") + ": " + diagnostics.all()));
    }
}
