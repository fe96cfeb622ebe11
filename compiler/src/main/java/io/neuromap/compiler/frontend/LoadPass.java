package io.neuromap.compiler.frontend;

import io.neuromap.compiler.pass.IrKind;
import io.neuromap.compiler.pass.Pass;
import io.neuromap.compiler.pass.PassContext;
import io.neuromap.compiler.source.SourceFile;
import java.nio.file.Path;

/**
 * {@code load}: reads the file the user named and everything it imports, and parses each
 * ({@link SourceLoader}). Always returns a source set, with every file it could read, so that
 * diagnostics in any of them can be rendered; lexical, syntax and import errors are reported.
 */
public final class LoadPass implements Pass<Path, SourceSet> {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public String description() {
        return "read and parse the file and its imports";
    }

    @Override
    public IrKind<Path> requires() {
        return FrontEndIr.PATH;
    }

    @Override
    public IrKind<SourceSet> provides() {
        return FrontEndIr.SOURCES;
    }

    @Override
    public SourceSet run(Path input, PassContext context) {
        SourceSet sources = SourceLoader.load(input, context.diagnostics());
        context.statistics().add("files read", sources.files().size());
        context.statistics().add("files parsed", sources.programs().size());
        long lines = 0;
        for (SourceFile f : sources.files().values()) {
            lines += f.lineCount();
        }
        context.statistics().add("lines", lines);
        return sources;
    }
}
