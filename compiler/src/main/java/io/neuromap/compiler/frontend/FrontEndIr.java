package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.AstNodes;
import io.neuromap.compiler.ast.AstPrinter;
import io.neuromap.compiler.ast.CelltypeDecl;
import io.neuromap.compiler.ast.Node;
import io.neuromap.compiler.ast.Program;
import io.neuromap.compiler.ast.TargetDecl;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.source.SourceFile;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Quantity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IR kinds of the front end, each with the invariants later passes rely on and a printed
 * form for {@code --print-ir-after}:
 * <ul>
 *   <li>{@link #PATH}: the file the user named;</li>
 *   <li>{@link #SOURCES}: every file read and parsed; every AST node's span lies in its file and
 *       inside its parent's span, and no expression is deeper than the parser's limit;</li>
 *   <li>{@link #ANALYZED}: the network to elaborate with its resolved names and settings.</li>
 * </ul>
 */
public final class FrontEndIr {
    public static final IrKind<Path> PATH = IrKind.of("path", Path.class, path -> List.of(), path -> path + "\n");
    public static final IrKind<SourceSet> SOURCES = IrKind.of("sources", SourceSet.class, FrontEndIr::verifySources,
            FrontEndIr::dumpSources);
    public static final IrKind<AnalyzedProgram> ANALYZED = IrKind.of("analyzed", AnalyzedProgram.class,
            FrontEndIr::verifyAnalyzed, FrontEndIr::dumpAnalyzed);

    /** Verifiers stop listing problems after this many: the first ones locate the bug. */
    private static final int MAX_PROBLEMS = 20;

    private FrontEndIr() {
    }

    static List<String> verifySources(SourceSet sources) {
        List<String> problems = new ArrayList<>();
        for (Program program : sources.programs()) {
            SourceFile file = sources.files().get(program.file());
            if (file == null) {
                problems.add("program `" + program.file() + "` has no source text in the set");
                continue;
            }
            if (program.span().start() != 0 || program.span().end() != file.text().length()) {
                problems.add("program `" + program.file() + "` does not span its whole file: " + range(program.span()));
            }
            checkSpans(program, file, 0, problems);
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
        }
        return problems;
    }

    private static void checkSpans(Node node, SourceFile file, int depth, List<String> problems) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        SourceSpan span = node.span();
        if (!span.file().equals(file.name()) || span.end() > file.text().length()) {
            problems.add(kind(node) + " at " + span.location() + " " + range(span) + " is not inside `" + file.name() + "`");
            return;
        }
        if (depth > 4 * Parser.MAX_EXPRESSION_DEPTH) {
            problems.add(kind(node) + " at " + span.location() + " is nested deeper than the parser allows");
            return;
        }
        for (Node child : AstNodes.children(node)) {
            SourceSpan c = child.span();
            if (!c.file().equals(span.file()) || c.start() < span.start() || c.end() > span.end()) {
                problems.add(kind(child) + " at " + c.location() + " " + range(c) + " is outside its parent " + kind(node)
                        + " " + range(span));
            }
            checkSpans(child, file, depth + 1, problems);
        }
    }

    static List<String> verifyAnalyzed(AnalyzedProgram program) {
        List<String> problems = new ArrayList<>();
        boolean found = program.sources().programs().stream()
                .anyMatch(p -> p.file().equals(program.network().span().file()) && p.items().contains(program.network()));
        if (!found) {
            problems.add("network `" + program.network().name().name() + "` is not a top-level item of any source file");
        }
        for (Map.Entry<String, CelltypeDecl> e : program.celltypes().entrySet()) {
            if (!e.getKey().equals(e.getValue().name().name())) {
                problems.add("cell type `" + e.getValue().name().name() + "` is filed under `" + e.getKey() + "`");
            }
        }
        for (Map.Entry<String, Quantity> e : program.constants().entrySet()) {
            if (!Double.isFinite(e.getValue().si())) {
                problems.add("constant `" + e.getKey() + "` is not finite: " + e.getValue());
            }
        }
        SimulationSettings sim = program.simulation();
        if (!(sim.dt() > 0) || !(sim.duration() >= sim.dt()) || sim.seed() < 0) {
            problems.add("simulation settings out of range: dt=" + sim.dt() + " s, duration=" + sim.duration() + " s, seed="
                    + sim.seed());
        }
        String root = program.sources().root().file();
        for (TargetDecl t : program.targets()) {
            if (!t.span().file().equals(root)) {
                problems.add("target `" + t.name().name() + "` is not from the root file `" + root + "`");
            }
        }
        return problems;
    }

    static String dumpSources(SourceSet sources) {
        StringBuilder out = new StringBuilder();
        for (Program program : sources.programs()) {
            out.append("// file: ").append(program.file()).append('\n').append(AstPrinter.print(program));
        }
        return out.toString();
    }

    static String dumpAnalyzed(AnalyzedProgram program) {
        SimulationSettings sim = program.simulation();
        StringBuilder out = new StringBuilder();
        out.append("// network: ").append(program.network().name().name()).append(" (").append(program.network().span().location())
                .append(")\n");
        out.append(String.format(Locale.ROOT, "// simulate: dt = %s s, duration = %s s, seed = %d (%d steps)\n", sim.dt(),
                sim.duration(), sim.seed(), sim.steps()));
        out.append("// cell types: ").append(String.join(", ", new TreeMap<>(program.celltypes()).keySet())).append('\n');
        for (Map.Entry<String, Quantity> c : new TreeMap<>(program.constants()).entrySet()) {
            out.append("// const ").append(c.getKey()).append(" = ").append(c.getValue()).append('\n');
        }
        for (TargetDecl t : program.targets()) {
            out.append("// target: ").append(t.name().name()).append('\n');
        }
        out.append(AstPrinter.print(program.network()));
        return out.toString();
    }

    private static String kind(Node node) {
        return node.getClass().getSimpleName();
    }

    private static String range(SourceSpan span) {
        return "[" + span.start() + ", " + span.end() + ")";
    }
}
