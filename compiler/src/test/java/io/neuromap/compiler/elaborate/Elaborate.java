package io.neuromap.compiler.elaborate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.ConstDecl;
import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.diag.Diagnostic;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.frontend.AnalyzedProgram;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.frontend.Analyzer;
import io.neuromap.compiler.frontend.SourceLoader;
import io.neuromap.compiler.frontend.SimulationSettings;
import io.neuromap.compiler.frontend.SourceSet;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.units.Quantity;
import io.neuromap.compiler.ir.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Test support: runs .nmap text through the real front end (loader, parser, analyser) and the
 * elaborator. Spans name the file {@code <dir>/net.nmap}, so data files next to it resolve.
 */
final class Elaborate {
    private Elaborate() {
    }

    /** The result of one run: the network (if any) and every diagnostic. */
    record Run(Optional<Network> result, Diagnostics diagnostics) {
        Network network() {
            if (result.isEmpty()) {
                fail("expected a network, got:\n" + render(diagnostics));
            }
            return result.get();
        }

        /** The one error with {@code code}, failing if there is not exactly one. */
        Diagnostic error(String code) {
            List<Diagnostic> found = diagnostics.all().stream().filter(d -> d.code().id().equals(code)).toList();
            if (found.size() != 1) {
                fail("expected one " + code + ", got:\n" + render(diagnostics));
            }
            return found.get(0);
        }

        /** Asserts the error {@code code} is at {@code line:column} of file {@code fileSuffix}. */
        Diagnostic errorAt(String code, String fileSuffix, int line, int column) {
            Diagnostic d = error(code);
            assertTrue(d.span().file().endsWith(fileSuffix), () -> "file of " + d.headline());
            assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), () -> d.headline());
            assertTrue(result.isEmpty(), "no network is returned after an error");
            return d;
        }
    }

    static String render(Diagnostics d) {
        return d.all().stream().map(x -> x.headline() + x.help().map(h -> "\n  help: " + h).orElse(""))
                .collect(Collectors.joining("\n"));
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("neuromap-elab");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(String text) {
        return run(tempDir(), text, ElaborationOptions.defaults());
    }

    static Run run(String text, int threads) {
        return run(tempDir(), text, ElaborationOptions.defaults().withThreads(threads));
    }

    static Run run(Path dir, String text) {
        return run(dir, text, ElaborationOptions.defaults());
    }

    /** Loads, analyses and (if analysis accepted it) elaborates {@code text} as {@code dir/net.nmap}. */
    static Run run(Path dir, String text, ElaborationOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        SourceSet sources = SourceLoader.loadText(dir.resolve("net.nmap").toString(), text, dir, diagnostics);
        Optional<AnalyzedProgram> program = diagnostics.hasErrors() ? Optional.empty()
                : Analyzer.analyze(sources, diagnostics);
        if (program.isEmpty()) {
            return new Run(Optional.empty(), diagnostics);
        }
        return new Run(Elaborator.elaborate(program.get(), diagnostics, options), diagnostics);
    }

    /**
     * Elaborates {@code text} without analysis, trusting it as analysis would have accepted it:
     * for the elaborator's own checks of what analysis normally rejects first (defence in depth),
     * which must still give located diagnostics rather than exceptions.
     */
    static Run unanalysed(String text) {
        Path dir = tempDir();
        Diagnostics diagnostics = new Diagnostics();
        SourceSet sources = SourceLoader.loadText(dir.resolve("net.nmap").toString(), text, dir, diagnostics);
        if (diagnostics.hasErrors()) {
            fail("does not parse:\n" + render(diagnostics));
        }
        Program root = sources.root();
        NetworkDecl network = root.itemsOf(NetworkDecl.class).get(0);
        Map<String, CelltypeDecl> celltypes = new LinkedHashMap<>();
        root.itemsOf(CelltypeDecl.class).forEach(c -> celltypes.put(c.name().name(), c));
        network.itemsOf(CelltypeDecl.class).forEach(c -> celltypes.put(c.name().name(), c));
        Map<String, Quantity> constants = new LinkedHashMap<>();
        List<ConstDecl> consts = new ArrayList<>(root.itemsOf(ConstDecl.class));
        consts.addAll(network.itemsOf(ConstDecl.class));
        for (ConstDecl c : consts) {
            try {
                constants.put(c.name().name(), Evaluator.evaluate(c.value(), Scope.ofConstants(constants)));
            } catch (EvaluationException e) {
                fail(e.diagnostic().headline());
            }
        }
        SimulationSettings simulation = new SimulationSettings(SimulationSettings.DEFAULT_DT,
                SimulationSettings.DEFAULT_DURATION, SimulationSettings.DEFAULT_SEED, network.span());
        AnalyzedProgram program = new AnalyzedProgram(sources, network, celltypes, constants, simulation, List.of());
        return new Run(Elaborator.elaborate(program, diagnostics), diagnostics);
    }

    /** Elaborates text that must be valid. */
    static Network network(String text) {
        return run(text).network();
    }
}
