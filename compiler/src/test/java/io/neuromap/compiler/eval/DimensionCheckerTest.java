package io.neuromap.compiler.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.ast.Identifier;
import io.neuromap.compiler.ast.QualifiedName;
import io.neuromap.compiler.diag.DiagnosticCode;
import io.neuromap.compiler.diag.Diagnostics;
import io.neuromap.compiler.source.SourceSpan;
import io.neuromap.compiler.units.Dimension;
import io.neuromap.compiler.units.Quantity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DimensionCheckerTest {
    private static final SourceSpan AT = SourceSpan.synthetic("t.nmap");

    /** r: a per-neuron dimensionless value in [0, 1]; K: the constant 2. */
    private static final TypeScope SCOPE = new TypeScope() {
        @Override
        public Optional<Typed> lookup(QualifiedName name) {
            switch (name.text()) {
                case "r":
                    return Optional.of(Typed.dynamic(Dimension.NONE, Interval.closed(0, 1), new Expr.Name(name, AT)));
                case "K":
                    return Optional.of(Typed.constant(Quantity.of(2)));
                default:
                    return Optional.empty();
            }
        }

        @Override
        public Scope values() {
            return name -> name.text().equals("K") ? Optional.of(Quantity.of(2)) : Optional.empty();
        }
    };

    private static Expr num(double v, String unit) {
        return new Expr.Number(v, Double.toString(v), unit == null ? Optional.empty() : Optional.of(new Identifier(unit, AT)), AT);
    }

    private static Expr name(String n) {
        return new Expr.Name(new QualifiedName(List.of(new Identifier(n, AT)), AT), AT);
    }

    private static Expr bin(Expr.BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r, AT);
    }

    @Test
    void constantPartsAreEvaluatedExactly() {
        Diagnostics d = new Diagnostics();
        Typed t = DimensionChecker.check(bin(Expr.BinaryOp.MULTIPLY, name("K"), num(10, "ms")), SCOPE, d);
        assertTrue(t.isConstant());
        assertEquals(0.02, t.constantValue().orElseThrow().si(), 1e-15);
        assertEquals(Dimension.TIME, t.dimension().orElseThrow());
        assertFalse(d.hasErrors());
    }

    @Test
    void perNeuronPartsGiveRangesAndTheirCause() {
        Diagnostics d = new Diagnostics();
        Expr e = bin(Expr.BinaryOp.ADD, num(-65, "mV"), bin(Expr.BinaryOp.MULTIPLY, num(15, "mV"),
                bin(Expr.BinaryOp.POWER, name("r"), num(2, null))));
        Typed t = DimensionChecker.check(e, SCOPE, d);
        assertFalse(t.isConstant());
        assertEquals(Dimension.VOLTAGE, t.dimension().orElseThrow());
        assertEquals(-65e-3, t.range().lo(), 1e-12);
        assertEquals(-50e-3, t.range().hi(), 1e-12);
        assertTrue(t.dynamicCause().orElseThrow() instanceof Expr.Name n && n.name().text().equals("r"));
        assertFalse(d.hasErrors());
    }

    @Test
    void mismatchedUnitsAndPossibleDivisionByZeroAreReportedOnce() {
        Diagnostics d = new Diagnostics();
        Typed t = DimensionChecker.check(bin(Expr.BinaryOp.ADD, bin(Expr.BinaryOp.DIVIDE, num(1, "ms"), name("r")), num(1, "mV")),
                SCOPE, d);
        assertTrue(t.isError());
        assertEquals(List.of(DiagnosticCode.NOT_FINITE), d.all().stream().map(x -> x.code()).toList());
    }

    @Test
    void unitsCannotBeRaisedToAPerNeuronPower() {
        Diagnostics d = new Diagnostics();
        DimensionChecker.check(bin(Expr.BinaryOp.POWER, num(2, "ms"), name("r")), SCOPE, d);
        assertEquals(List.of(DiagnosticCode.DIMENSIONLESS_REQUIRED), d.all().stream().map(x -> x.code()).toList());
    }

    @Test
    void unknownNamesAreReported() {
        Diagnostics d = new Diagnostics();
        assertTrue(DimensionChecker.check(name("nope"), SCOPE, d).isError());
        assertEquals(DiagnosticCode.UNKNOWN_NAME, d.all().get(0).code());
    }
}
