package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.value.EvaluationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorizer as Lean's {@code isAuthorized} defines it, written to be read beside it: every static
 * and template-linked policy in set order, each satisfied when {@link Policy#toExpr()} evaluates to
 * {@code true} with the interpreter; Deny when a forbid is satisfied, else Allow when a permit is, else
 * Deny. No compilation, no index: the oracle that {@link Decider} (what {@link io.cedarwood.engine.Authorizer}
 * runs) is checked against by the differential and corpus tests. Slow; not for production use.
 */
public final class ReferenceAuthorizer {
    private ReferenceAuthorizer() {
    }

    /** The decision for {@code request}, with the diagnostics {@link Decider} gives, in the same order. */
    public static Response isAuthorized(Request request, PolicySet policies, EntityProvider entities) {
        Set<PolicyId> permits = new LinkedHashSet<>();
        Set<PolicyId> forbids = new LinkedHashSet<>();
        List<AuthorizationError> errors = new ArrayList<>();
        for (Policy p : policies.policies()) {
            try {
                if (Evaluator.isSatisfied(p, request, entities)) {
                    (p.effect() == Effect.PERMIT ? permits : forbids).add(p.id());
                }
            } catch (EvaluationException e) {
                errors.add(AuthorizationError.of(p, e));
            }
        }
        if (!forbids.isEmpty()) {
            return new Response(Decision.DENY, new Diagnostics(forbids, errors));
        } else if (!permits.isEmpty()) {
            return new Response(Decision.ALLOW, new Diagnostics(permits, errors));
        }
        return new Response(Decision.DENY, new Diagnostics(Set.of(), errors));
    }
}
