package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * {@code effect threshold += 0.1 * [DA] response sigmoid(4, 0.5);}. {@code kind} is one of the
 * effect kinds (gain, threshold, excitability, learning_rate, plasticity_sign, tau, param, ...);
 * {@code subject} is the parameter for {@code tau(p)} and {@code param(p)}.
 */
public record Effect(Identifier kind, Optional<QualifiedName> subject, AssignOp op, Expr value,
        Optional<Invocation> response, SourceSpan span) implements Node {
    public Effect {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(op, "op is null");
        requireNonNull(value, "value is null");
        requireNonNull(response, "response is null");
        requireNonNull(span, "span is null");
    }

    public enum AssignOp {
        SET("="), ADD("+="), SUBTRACT("-="), MULTIPLY("*=");

        private final String symbol;

        AssignOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
