package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/** What a pathway acts on: every neuron of a cell type, one projection's synapses, or a population (compartment). */
public sealed interface PathwayTarget extends Node {

    /** {@code celltype D1}: all neurons of that cell type in every population. */
    record Celltype(Identifier celltype, SourceSpan span) implements PathwayTarget {
        public Celltype {
            requireNonNull(celltype, "celltype is null");
            requireNonNull(span, "span is null");
        }
    }

    /** {@code proj ctx_to_msn}: the synapses of one projection (learning effects). */
    record Projection(Identifier projection, SourceSpan span) implements PathwayTarget {
        public Projection {
            requireNonNull(projection, "projection is null");
            requireNonNull(span, "span is null");
        }
    }

    /** {@code pyr.soma}, {@code msn}, {@code cortex.RS}. */
    record Population(Endpoint endpoint, SourceSpan span) implements PathwayTarget {
        public Population {
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(span, "span is null");
        }
    }
}
