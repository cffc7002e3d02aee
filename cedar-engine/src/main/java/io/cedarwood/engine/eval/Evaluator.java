package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cedar's evaluator: the value of an expression, and whether a policy is satisfied, for one request
 * against an entity store. Stateless and thread-safe; each call evaluates on its own.
 *
 * <p>A reference interpreter, written to be read beside the Lean model ({@code cedar-lean/Cedar/Spec/
 * Evaluator.lean}): see {@link Interpreter} for the expression forms and {@link Operators} for what each
 * operator does with its values.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * The value of {@code expr} for {@code request}, looking entities up in {@code entities}.
     *
     * @throws EvaluationException when the expression errors, or ({@code TOO_DEEP}) when it is nested deeper
     *         than {@link Expr#MAX_DEPTH} (possible only for an expression built by hand: parsed and read ones
     *         are refused earlier)
     */
    public static Value evaluate(Expr expr, Request request, EntityProvider entities) {
        if (expr.depthUpTo(Expr.MAX_DEPTH) > Expr.MAX_DEPTH) {
            throw new EvaluationException(EvaluationException.Kind.TOO_DEEP,
                    "the expression is nested too deeply: at most " + Expr.MAX_DEPTH + " levels are supported");
        }
        return new Interpreter(request, entities).eval(expr);
    }

    /**
     * Whether {@code policy} is satisfied by {@code request}: as Lean's {@code satisfied}, whether
     * {@link Policy#toExpr()} (scope, then each condition in order: a {@code when} body is {@code true}, an
     * {@code unless} body is {@code false}) evaluates to {@code true}. {@code &&} stops at the first part
     * that does not hold, so later conditions cannot error. The effect is not considered.
     *
     * @throws EvaluationException when a condition errors or its value is not a boolean
     * @throws IllegalArgumentException when {@code policy} is a template (its slots are not filled)
     */
    public static boolean isSatisfied(Policy policy, Request request, EntityProvider entities) {
        if (policy.isTemplate()) {
            throw new IllegalArgumentException("policy `" + policy.id() + "` is a template: link it before evaluating it");
        }
        return evaluate(policy.toExpr(), request, entities).equals(BoolValue.TRUE);
    }
}
