package io.neuromap.compiler.ir;

import java.util.Optional;

/** Recognises affine effect expressions ({@link IrExpr#affine()}). */
final class Affines {
    private Affines() {
    }

    static Optional<IrExpr.Affine> of(IrExpr e) {
        if (e instanceof IrExpr.Constant c) {
            return Optional.of(new IrExpr.Affine(c.value(), 0, -1));
        }
        if (e instanceof IrExpr.Concentration c) {
            return Optional.of(new IrExpr.Affine(0, 1, c.modulator()));
        }
        if (e instanceof IrExpr.Negate n) {
            return of(n.operand()).map(a -> new IrExpr.Affine(-a.intercept(), -a.slope(), a.modulator()));
        }
        if (e instanceof IrExpr.Binary b) {
            Optional<IrExpr.Affine> lo = of(b.left());
            Optional<IrExpr.Affine> ro = of(b.right());
            if (lo.isEmpty() || ro.isEmpty()) {
                return Optional.empty();
            }
            IrExpr.Affine l = lo.get();
            IrExpr.Affine r = ro.get();
            switch (b.op()) {
                case ADD:
                case SUB: {
                    if (l.modulator() >= 0 && r.modulator() >= 0 && l.modulator() != r.modulator()) {
                        return Optional.empty();
                    }
                    double s = b.op() == IrExpr.Op.ADD ? 1 : -1;
                    int m = l.modulator() >= 0 ? l.modulator() : r.modulator();
                    return Optional.of(new IrExpr.Affine(l.intercept() + s * r.intercept(), l.slope() + s * r.slope(), m));
                }
                case MUL:
                    if (l.modulator() < 0) {
                        return Optional.of(new IrExpr.Affine(l.intercept() * r.intercept(), l.intercept() * r.slope(),
                                r.modulator()));
                    }
                    if (r.modulator() < 0) {
                        return Optional.of(new IrExpr.Affine(r.intercept() * l.intercept(), r.intercept() * l.slope(),
                                l.modulator()));
                    }
                    return Optional.empty();
                case DIV:
                    if (r.modulator() < 0 && r.intercept() != 0) {
                        return Optional.of(new IrExpr.Affine(l.intercept() / r.intercept(), l.slope() / r.intercept(),
                                l.modulator()));
                    }
                    return Optional.empty();
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
