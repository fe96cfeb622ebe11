package io.neuromap.compiler.ir;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The value of a pathway effect as a small expression over modulator concentrations, compiled
 * from the AST with constants folded and units converted to SI: {@code 20 pA * [DA]} becomes
 * {@code Binary(MUL, Constant(2e-11), Concentration(DA))}. Backends that only support affine
 * effects ask {@link #affine()}; the float reference calls {@link #evaluate(double[])}.
 */
public sealed interface IrExpr {

    /** The value given the concentration of every modulator, indexed like {@link Network#modulators()}. */
    double evaluate(double[] concentrations);

    /**
     * The expression as {@code intercept + slope * [modulator]} when it has that form (constants,
     * one modulator, sums, differences, products and quotients by constants); empty otherwise.
     */
    default Optional<Affine> affine() {
        return Affines.of(this);
    }

    /** {@code intercept + slope * [modulator]}; {@code modulator} is -1 for a constant. */
    record Affine(double intercept, double slope, int modulator) {
    }

    /** A number in SI. */
    record Constant(double value) implements IrExpr {
        @Override
        public double evaluate(double[] concentrations) {
            return value;
        }

        @Override
        public String toString() {
            return io.neuromap.compiler.units.Units.formatNumber(value);
        }
    }

    /** The concentration of a modulator. */
    record Concentration(int modulator, String name) implements IrExpr {
        public Concentration {
            requireNonNull(name, "name is null");
        }

        @Override
        public double evaluate(double[] concentrations) {
            return concentrations[modulator];
        }

        @Override
        public String toString() {
            return "[" + name + "]";
        }
    }

    /** {@code -operand}. */
    record Negate(IrExpr operand) implements IrExpr {
        public Negate {
            requireNonNull(operand, "operand is null");
        }

        @Override
        public double evaluate(double[] concentrations) {
            return -operand.evaluate(concentrations);
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    /** Arithmetic on two operands. */
    record Binary(Op op, IrExpr left, IrExpr right) implements IrExpr {
        public Binary {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public double evaluate(double[] concentrations) {
            double l = left.evaluate(concentrations);
            double r = right.evaluate(concentrations);
            return switch (op) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case MOD -> l % r;
                case POW -> StrictMath.pow(l, r);
            };
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol() + " " + right + ")";
        }
    }

    /** A built-in function of one or two arguments. */
    record Call(Function function, List<IrExpr> arguments) implements IrExpr {
        public Call {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            if (arguments.size() != function.arity()) {
                throw new IllegalArgumentException(function + " takes " + function.arity() + " arguments");
            }
        }

        @Override
        public double evaluate(double[] concentrations) {
            double a = arguments.get(0).evaluate(concentrations);
            return switch (function) {
                case SQRT -> Math.sqrt(a);
                case EXP -> StrictMath.exp(a);
                case LOG -> StrictMath.log(a);
                case ABS -> Math.abs(a);
                case FLOOR -> Math.floor(a);
                case CEIL -> Math.ceil(a);
                case ROUND -> Math.rint(a);
                case MIN -> Math.min(a, arguments.get(1).evaluate(concentrations));
                case MAX -> Math.max(a, arguments.get(1).evaluate(concentrations));
            };
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(function.word()).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(arguments.get(i));
            }
            return b.append(')').toString();
        }
    }

    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("^");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The functions of {@link io.neuromap.compiler.model.Catalog#functionNames()}. */
    enum Function {
        SQRT(1), EXP(1), LOG(1), ABS(1), FLOOR(1), CEIL(1), ROUND(1), MIN(2), MAX(2);

        private final int arity;

        Function(int arity) {
            this.arity = arity;
        }

        public int arity() {
            return arity;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Function> fromWord(String word) {
            for (Function f : values()) {
                if (f.word().equals(word)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }
}
