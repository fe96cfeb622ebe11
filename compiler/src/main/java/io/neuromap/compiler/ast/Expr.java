package io.neuromap.compiler.ast;

import static java.util.Objects.requireNonNull;

import io.neuromap.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * Expressions. Units are syntactic here ({@link Number#unit()} is the identifier written after the
 * number); the front end resolves them. Names may refer to constants, {@code let} variables,
 * other parameters of the same neuron, or enumerated words such as {@code exc} and {@code global}.
 */
public sealed interface Expr extends Node {

    /** A numeric literal, optionally with a unit: {@code 20 ms}, {@code 0.5}, {@code 1e-3 nA}. */
    record Number(double value, String text, Optional<Identifier> unit, SourceSpan span) implements Expr {
        public Number {
            requireNonNull(text, "text is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A string literal; {@code value} is unescaped. */
    record Str(String value, SourceSpan span) implements Expr {
        public Str {
            requireNonNull(value, "value is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A reference by (possibly dotted) name. */
    record Name(QualifiedName name, SourceSpan span) implements Expr {
        public Name {
            requireNonNull(name, "name is null");
            requireNonNull(span, "span is null");
        }
    }

    /** The concentration of a modulator at the evaluation site: {@code [DA]}. */
    record Concentration(Identifier modulator, SourceSpan span) implements Expr {
        public Concentration {
            requireNonNull(modulator, "modulator is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A list literal: {@code [1 ms, 5 ms]}. */
    record ListOf(List<Expr> elements, SourceSpan span) implements Expr {
        public ListOf {
            elements = List.copyOf(requireNonNull(elements, "elements is null"));
            requireNonNull(span, "span is null");
        }
    }

    /** A function call in an expression: {@code exp(-t / tau)}, {@code sigmoid(4, 0.5)}. */
    record Call(Invocation call, SourceSpan span) implements Expr {
        public Call {
            requireNonNull(call, "call is null");
            requireNonNull(span, "span is null");
        }
    }

    /** {@code -e} or {@code +e}. */
    record Unary(UnaryOp op, Expr operand, SourceSpan span) implements Expr {
        public Unary {
            requireNonNull(op, "op is null");
            requireNonNull(operand, "operand is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A binary arithmetic expression. */
    record Binary(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr {
        public Binary {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(span, "span is null");
        }
    }

    /** A parenthesised expression, kept so that printing reproduces the user's grouping. */
    record Paren(Expr inner, SourceSpan span) implements Expr {
        public Paren {
            requireNonNull(inner, "inner is null");
            requireNonNull(span, "span is null");
        }
    }

    enum UnaryOp {
        NEGATE("-"), PLUS("+");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum BinaryOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), POWER("^");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
