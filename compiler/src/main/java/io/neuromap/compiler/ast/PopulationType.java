package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;

/** What a population is made of: one model or cell type, or a mix of cell types. */
public sealed interface PopulationType extends Node {

    /** {@code : lif} or {@code : D1}; model or cell type is decided by the front end. */
    record Named(Identifier name, SourceSpan span) implements PopulationType {
        public Named {
            requireNonNull(name, "name is null");
            requireNonNull(span, "span is null");
        }
    }

    /** {@code : mix { D1: 0.5, D2: 0.5 }}; fractions must sum to 1. */
    record Mix(List<Entry> entries, SourceSpan span) implements PopulationType {
        public Mix {
            entries = List.copyOf(requireNonNull(entries, "entries is null"));
            requireNonNull(span, "span is null");
        }

        public record Entry(Identifier celltype, Expr fraction, SourceSpan span) implements Node {
            public Entry {
                requireNonNull(celltype, "celltype is null");
                requireNonNull(fraction, "fraction is null");
                requireNonNull(span, "span is null");
            }
        }
    }
}
