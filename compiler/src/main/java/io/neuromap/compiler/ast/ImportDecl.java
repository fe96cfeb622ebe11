package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/** {@code import "common/celltypes.nmap";}, resolved relative to the importing file. */
public record ImportDecl(String path, SourceSpan span) implements TopItem {
    public ImportDecl {
        requireNonNull(path, "path is null");
        requireNonNull(span, "span is null");
    }
}
