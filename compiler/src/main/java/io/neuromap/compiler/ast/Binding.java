package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;

/**
 * A parameter or latent-variable binding in a population, cell type, stimulus or projection body:
 * {@code tau_m = 20 ms;}, {@code tau_m ~ gamma(...);}, {@code let r ~ uniform(0, 1);}.
 *
 * @param isLet true for a per-neuron latent variable ({@code let}), which later bindings may use
 */
public record Binding(QualifiedName name, boolean isLet, Value value, SourceSpan span) implements BodyItem {
    public Binding {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(span, "span is null");
    }

    /** What is bound: one expression (evaluated per instance) or a distribution (sampled per instance). */
    public sealed interface Value extends Node {
        /** {@code = expr} */
        record Fixed(Expr expr) implements Value {
            public Fixed {
                requireNonNull(expr, "expr is null");
            }

            @Override
            public SourceSpan span() {
                return expr.span();
            }
        }

        /** {@code ~ distribution} */
        record Sampled(Distribution distribution) implements Value {
            public Sampled {
                requireNonNull(distribution, "distribution is null");
            }

            @Override
            public SourceSpan span() {
                return distribution.span();
            }
        }
    }
}
