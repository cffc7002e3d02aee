package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
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
    /**
     * How deeply expressions may nest. Deeper ones fail with {@link EvaluationException.Kind#TOO_DEEP}, as
     * does anything that would overflow the thread's stack first (a stack overflow is caught here, at the
     * entry points, and never escapes): like the reference, whose limit is the stack it runs on, how deep
     * an expression can go before that depends on the thread's stack size. A 1 MiB stack holds 1,500 levels
     * even before the JIT has compiled the evaluator.
     */
    public static final int MAX_DEPTH = 10_000;

    static {
        warmUp();
    }

    private Evaluator() {
    }

    /**
     * The value of {@code expr} for {@code request}, looking entities up in {@code entities}.
     *
     * @throws EvaluationException when the expression errors
     */
    public static Value evaluate(Expr expr, Request request, EntityProvider entities) {
        try {
            return new Interpreter(request, entities).eval(expr);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /**
     * Whether {@code policy} is satisfied by {@code request}: its scope matches (the principal, action and
     * resource constraints, which never error) and then each condition in order holds: a {@code when} body
     * is {@code true}, an {@code unless} body is {@code false}. Evaluation stops at the first part that
     * does not hold, so later conditions cannot error. The effect is not considered.
     *
     * @throws EvaluationException when a condition errors or its value is not a boolean
     * @throws IllegalArgumentException when {@code policy} is a template (its slots are not filled)
     */
    public static boolean isSatisfied(Policy policy, Request request, EntityProvider entities) {
        if (policy.isTemplate()) {
            throw new IllegalArgumentException("policy `" + policy.id() + "` is a template: link it before evaluating it");
        }
        Interpreter interpreter = new Interpreter(request, entities);
        try {
            if (!scopeMatches(policy.principal(), request.principal(), interpreter)
                    || !actionMatches(policy.action(), request.action(), interpreter)
                    || !scopeMatches(policy.resource(), request.resource(), interpreter)) {
                return false;
            }
            for (Condition condition : policy.conditions()) {
                boolean holds = Operators.asBool(interpreter.eval(condition.body()));
                if (holds != (condition.kind() == Condition.Kind.WHEN)) {
                    return false;
                }
            }
            return true;
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    private static boolean scopeMatches(ScopeConstraint constraint, EntityUid uid, Interpreter interpreter) {
        if (constraint instanceof ScopeConstraint.Any) {
            return true;
        } else if (constraint instanceof ScopeConstraint.Eq eq) {
            return uid.equals(linked(eq.ref()));
        } else if (constraint instanceof ScopeConstraint.In in) {
            return interpreter.isIn(uid, linked(in.ref()));
        } else if (constraint instanceof ScopeConstraint.Is is) {
            return uid.type().equals(is.entityType());
        } else if (constraint instanceof ScopeConstraint.IsIn isIn) {
            return uid.type().equals(isIn.entityType()) && interpreter.isIn(uid, linked(isIn.ref()));
        }
        throw new IllegalStateException("unknown scope constraint " + constraint);
    }

    private static boolean actionMatches(ActionConstraint constraint, EntityUid action, Interpreter interpreter) {
        if (constraint instanceof ActionConstraint.Any) {
            return true;
        } else if (constraint instanceof ActionConstraint.Eq eq) {
            return action.equals(eq.uid());
        } else if (constraint instanceof ActionConstraint.In in) {
            for (EntityUid uid : in.uids()) {
                if (interpreter.isIn(action, uid)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalStateException("unknown action constraint " + constraint);
    }

    private static EntityUid linked(EntityReference ref) {
        if (ref instanceof EntityReference.Uid uid) {
            return uid.uid();
        }
        // a policy with a slot is a template, which isSatisfied refuses before it gets here
        throw new IllegalStateException("unlinked slot " + ((EntityReference.Slot) ref).slot().cedarName());
    }

    /**
     * Evaluates one small expression of every form so that every class evaluation needs (including the
     * tables behind {@code switch} statements on enums) is initialized now. A class first initialized deep
     * in the stack could meet a stack overflow in its initializer, which would leave it unusable for good.
     */
    private static void warmUp() {
        EntityUid uid = new EntityUid(new EntityType("W"), "w");
        Request request = new Request(uid, uid, uid, RecordValue.EMPTY);
        Expr one = new Expr.Literal(LongValue.of(1));
        Expr text = new Expr.Literal(StringValue.of("1.0"));
        List<Expr> parts = new ArrayList<>();
        for (Variable v : Variable.values()) {
            parts.add(new Expr.Var(v));
        }
        for (BinaryOp op : BinaryOp.values()) {
            parts.add(new Expr.Binary(op, one, one));
        }
        for (UnaryOp op : UnaryOp.values()) {
            parts.add(new Expr.Unary(op, one));
        }
        parts.add(new Expr.If(new Expr.And(new Expr.Literal(BoolValue.TRUE), new Expr.Or(new Expr.Literal(BoolValue.FALSE),
                new Expr.Literal(BoolValue.TRUE))), one, one));
        parts.add(new Expr.GetAttr(new Expr.RecordLit(Map.of("a", one)), "a"));
        parts.add(new Expr.HasAttr(new Expr.Var(Variable.PRINCIPAL), "a"));
        parts.add(new Expr.Like(text, new Pattern(List.of(new Pattern.Wildcard()))));
        parts.add(new Expr.Is(new Expr.Var(Variable.PRINCIPAL), new EntityType("W")));
        parts.add(new Expr.SetLit(List.of(one)));
        for (String constructor : List.of("decimal", "ip", "datetime", "duration")) {
            parts.add(new Expr.ExtensionCall(constructor, List.of(text)));
        }
        parts.add(new Expr.ExtensionCall("ip", List.of(new Expr.Literal(StringValue.of("::1/128")))));
        parts.add(new Expr.ExtensionCall("datetime", List.of(new Expr.Literal(StringValue.of("1970-01-01")))));
        parts.add(new Expr.ExtensionCall("duration", List.of(new Expr.Literal(StringValue.of("1ms")))));
        for (Expr part : parts) {
            try {
                new Interpreter(request, Entities.EMPTY).eval(part);
            } catch (EvaluationException expected) {
                // many parts are ill-typed on purpose: the error paths need their classes too
            }
        }
    }

    static EvaluationException tooDeep() {
        return new EvaluationException(EvaluationException.Kind.TOO_DEEP,
                "recursion limit reached: the expression is nested too deeply to evaluate");
    }
}
