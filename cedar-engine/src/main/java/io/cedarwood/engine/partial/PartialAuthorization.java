package io.cedarwood.engine.partial;

import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Partial authorization, as the reference's {@code is_authorized_partial}: every static and template-linked
 * policy is partially evaluated and sorted into satisfied, false, errored and residual. Reached through
 * {@code Authorizer.isAuthorizedPartial}; stateless.
 */
public final class PartialAuthorization {
    private static final Expr TRUE = new Expr.Literal(BoolValue.TRUE);

    private PartialAuthorization() {
    }

    /** The partial answer for {@code request} over {@code policies} and what is known of the entities. */
    public static PartialResponse authorize(PartialRequest request, PolicySet policies, PartialEntityProvider entities) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(entities, "entities");
        return authorize(request, policies.policies(), entities, Simplifier.NONE);
    }

    static PartialResponse authorize(PartialRequest request, Iterable<Policy> policies, PartialEntityProvider entities,
            Simplifier simplifier) {
        List<ResidualPolicy> satisfied = new ArrayList<>();
        List<ResidualPolicy> falsified = new ArrayList<>();
        List<AuthorizationError> errors = new ArrayList<>();
        List<ResidualPolicy> residuals = new ArrayList<>();
        for (Policy policy : policies) {
            Expr condition;
            try {
                PartialEvaluator.Part part = new PartialEvaluator(request, entities).eval(toExpr(policy));
                condition = simplified(simplifier, part.expr());
                // a policy's condition must be a boolean anyway: `true && e` is `e` there
                if (condition instanceof Expr.And and && and.left().equals(TRUE)) {
                    condition = and.right();
                }
            } catch (EvaluationException e) {
                errors.add(AuthorizationError.of(policy, e));
                continue;
            }
            ResidualPolicy residual = new ResidualPolicy(policy.id(), policy.effect(), condition, policy.annotations());
            if (residual.isTrue()) {
                satisfied.add(residual);
            } else if (residual.isFalse()) {
                falsified.add(residual);
            } else {
                residuals.add(residual);
            }
        }
        return new PartialResponse(satisfied, falsified, errors, residuals);
    }

    /**
     * The policy as one expression, as the reference builds it: {@code principal && (action && (resource &&
     * conditions))}, where each scope part is its constraint as an expression ({@code true} when unconstrained)
     * and the conditions are the {@code when} bodies and negated {@code unless} bodies joined by {@code &&}
     * ({@code true} when there are none). Its value is whether the policy is satisfied.
     */
    static Expr toExpr(Policy policy) {
        Expr conditions = null;
        for (Condition c : policy.conditions()) {
            Expr body = c.kind() == Condition.Kind.WHEN ? c.body() : new Expr.Unary(UnaryOp.NOT, c.body());
            conditions = conditions == null ? body : new Expr.And(conditions, body);
        }
        Expr resource = scope(Variable.RESOURCE, policy.resource());
        Expr action = action(policy.action());
        Expr principal = scope(Variable.PRINCIPAL, policy.principal());
        return new Expr.And(principal, new Expr.And(action, new Expr.And(resource,
                conditions == null ? TRUE : conditions)));
    }

    private static Expr scope(Variable variable, ScopeConstraint c) {
        Expr var = new Expr.Var(variable);
        if (c instanceof ScopeConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, new Expr.Literal(uid(eq.ref())));
        } else if (c instanceof ScopeConstraint.In in) {
            return new Expr.Binary(BinaryOp.IN, var, new Expr.Literal(uid(in.ref())));
        } else if (c instanceof ScopeConstraint.Is is) {
            return new Expr.Is(var, is.entityType());
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return new Expr.And(new Expr.Is(var, isIn.entityType()),
                    new Expr.Binary(BinaryOp.IN, var, new Expr.Literal(uid(isIn.ref()))));
        }
        return TRUE;
    }

    private static Expr action(ActionConstraint c) {
        Expr var = new Expr.Var(Variable.ACTION);
        if (c instanceof ActionConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, new Expr.Literal(eq.uid()));
        } else if (c instanceof ActionConstraint.In in) {
            if (in.uids().size() == 1) {
                return new Expr.Binary(BinaryOp.IN, var, new Expr.Literal(in.uids().get(0)));
            }
            List<Expr> uids = new ArrayList<>();
            for (EntityUid uid : in.uids()) {
                uids.add(new Expr.Literal(uid));
            }
            return new Expr.Binary(BinaryOp.IN, var, new Expr.SetLit(uids));
        }
        return TRUE;
    }

    private static EntityUid uid(EntityReference ref) {
        if (ref instanceof EntityReference.Uid uid) {
            return uid.uid();
        }
        throw new IllegalStateException("unlinked slot " + ((EntityReference.Slot) ref).slot().cedarName());
    }

    /** The simplified residual, or the residual as it is when it is too deep to simplify. */
    private static Expr simplified(Simplifier simplifier, Expr residual) {
        try {
            return simplifier.simplify(residual);
        } catch (StackOverflowError tooDeep) {
            return residual;
        }
    }

    /** A last pass over a policy's residual; the typed form simplifies more than the reference's untyped one. */
    interface Simplifier {
        Simplifier NONE = e -> e;

        Expr simplify(Expr residual);
    }
}
