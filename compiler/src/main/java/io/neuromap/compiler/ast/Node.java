package io.neuromap.compiler.ast;

import io.neuromap.compiler.source.SourceSpan;

/** Every AST node knows where it came from; there is no node without a span. */
public interface Node {
    SourceSpan span();
}
