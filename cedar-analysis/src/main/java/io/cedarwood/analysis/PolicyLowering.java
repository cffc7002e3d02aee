package io.cedarwood.analysis;

import io.cedarwood.engine.Policy;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy as one expression, {@code scope && when && !unless}, as the Lean model's {@code Policy.toExpr}.
 * The only place the analysis lowers a policy: to be replaced by the engine's own lowering once it has one.
 */
final class PolicyLowering {
    private PolicyLowering() {
    }

    static Expr toExpr(Policy policy) {
        List<Expr> parts = new ArrayList<>();
        parts.add(scope(Variable.PRINCIPAL, policy.principal()));
        parts.add(action(policy.action()));
        parts.add(scope(Variable.RESOURCE, policy.resource()));
        for (Condition c : policy.conditions()) {
            parts.add(c.kind() == Condition.Kind.WHEN ? c.body() : new Expr.Unary(UnaryOp.NOT, c.body()));
        }
        Expr out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = new Expr.And(out, parts.get(i));
        }
        return out;
    }

    private static Expr scope(Variable v, ScopeConstraint c) {
        Expr var = new Expr.Var(v);
        if (c instanceof ScopeConstraint.Any) {
            return new Expr.Literal(BoolValue.TRUE);
        } else if (c instanceof ScopeConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, uid(eq.ref()));
        } else if (c instanceof ScopeConstraint.In in) {
            return new Expr.Binary(BinaryOp.IN, var, uid(in.ref()));
        } else if (c instanceof ScopeConstraint.Is is) {
            return new Expr.Is(var, is.entityType());
        } else {
            ScopeConstraint.IsIn isIn = (ScopeConstraint.IsIn) c;
            return new Expr.And(new Expr.Is(var, isIn.entityType()),
                    new Expr.Binary(BinaryOp.IN, var, uid(isIn.ref())));
        }
    }

    private static Expr action(ActionConstraint c) {
        Expr var = new Expr.Var(Variable.ACTION);
        if (c instanceof ActionConstraint.Any) {
            return new Expr.Literal(BoolValue.TRUE);
        } else if (c instanceof ActionConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, new Expr.Literal(eq.uid()));
        } else {
            List<Expr> uids = new ArrayList<>();
            for (EntityUid u : ((ActionConstraint.In) c).uids()) {
                uids.add(new Expr.Literal(u));
            }
            return new Expr.Binary(BinaryOp.IN, var, new Expr.SetLit(uids));
        }
    }

    private static Expr uid(EntityReference ref) {
        if (ref instanceof EntityReference.Uid u) {
            return new Expr.Literal(u.uid());
        }
        throw new Unsupported("template slot `" + ((EntityReference.Slot) ref).slot().cedarName() + "` (link the template first)");
    }
}
