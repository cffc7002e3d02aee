package io.cedarwood.engine;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.eval.EvaluationException;
import io.cedarwood.engine.eval.Evaluator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides requests: Allow iff at least one permit policy is satisfied and no forbid policy is. Every
 * static and template-linked policy is evaluated (templates themselves are not); one whose evaluation
 * errors is skipped and reported in the diagnostics. Never throws because a policy errored. Stateless and
 * thread-safe.
 */
public final class Authorizer {
    /**
     * The decision for {@code request}. The diagnostics name the satisfied forbid policies on a Deny that
     * one caused, the satisfied permit policies on an Allow, none on a default Deny, and every policy that
     * errored, in the order of the policy set.
     */
    public Response isAuthorized(Request request, PolicySet policies, EntityProvider entities) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(entities, "entities");
        Set<PolicyId> satisfiedPermits = new LinkedHashSet<>();
        Set<PolicyId> satisfiedForbids = new LinkedHashSet<>();
        List<AuthorizationError> errors = new ArrayList<>();
        for (Policy policy : policies.policies()) {
            boolean satisfied;
            try {
                satisfied = Evaluator.isSatisfied(policy, request, entities);
            } catch (EvaluationException e) {
                errors.add(new AuthorizationError(policy.id(), e.getMessage()));
                continue;
            }
            if (satisfied) {
                (policy.effect() == Effect.PERMIT ? satisfiedPermits : satisfiedForbids).add(policy.id());
            }
        }
        if (!satisfiedForbids.isEmpty()) {
            return new Response(Decision.DENY, new Diagnostics(satisfiedForbids, errors));
        } else if (!satisfiedPermits.isEmpty()) {
            return new Response(Decision.ALLOW, new Diagnostics(satisfiedPermits, errors));
        }
        return new Response(Decision.DENY, new Diagnostics(Set.of(), errors));
    }
}
