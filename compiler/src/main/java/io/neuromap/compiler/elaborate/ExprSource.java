package io.neuromap.compiler.elaborate;

import io.neuromap.compiler.ast.Expr;
import io.neuromap.compiler.eval.EvaluationException;
import io.neuromap.compiler.eval.Evaluator;
import io.neuromap.compiler.eval.Scope;
import io.neuromap.compiler.units.Quantity;
import java.util.List;

/**
 * Evaluates expressions in one scope (the constants, or one neuron's bindings), so that code
 * resolving distributions and calls does not care which.
 */
record ExprSource(Scope scope) {
    Quantity value(Expr e) throws EvaluationException {
        return Evaluator.evaluate(e, scope);
    }

    List<Quantity> list(Expr e) throws EvaluationException {
        return Evaluator.evaluateList(e, scope);
    }
}
