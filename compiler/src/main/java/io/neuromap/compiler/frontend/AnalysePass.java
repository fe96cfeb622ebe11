package io.neuromap.compiler.frontend;

import io.neuromap.compiler.ast.NetworkDecl;
import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;
import java.util.Optional;

/**
 * {@code analyse}: semantic analysis of a loaded source set ({@link Analyzer}): names, units,
 * domains, receptors and pathways, every problem reported in one run. Returns null only after
 * reporting an error (the gate then stops the pipeline).
 */
public final class AnalysePass implements Pass<SourceSet, AnalyzedProgram> {
    @Override
    public String name() {
        return "analyse";
    }

    @Override
    public String description() {
        return "resolve names, check units, domains, receptors and pathways";
    }

    @Override
    public IrKind<SourceSet> requires() {
        return FrontEndIr.SOURCES;
    }

    @Override
    public IrKind<AnalyzedProgram> provides() {
        return FrontEndIr.ANALYZED;
    }

    @Override
    public AnalyzedProgram run(SourceSet input, PassContext context) {
        Optional<AnalyzedProgram> program = Analyzer.analyze(input, context.diagnostics());
        if (program.isEmpty()) {
            return null;
        }
        NetworkDecl network = program.get().network();
        context.statistics().add("cell types", program.get().celltypes().size());
        context.statistics().add("constants", program.get().constants().size());
        context.statistics().add("network items", network.items().size());
        return program.get();
    }
}
