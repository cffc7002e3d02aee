package io.cedarwood.engine;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decider;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.EntityProvider;

import java.util.Objects;

/**
 * Decides requests: Allow iff at least one permit policy is satisfied and no forbid policy is. Every
 * static and template-linked policy whose scope can match the request is evaluated (templates themselves
 * are not); one whose evaluation errors is skipped and reported in the diagnostics. Never throws because
 * a policy errored. Stateless and thread-safe, and takes no lock.
 *
 * <p>The policy set compiles and indexes its policies by scope on first use (see {@code docs/performance.md});
 * the answer is the one {@link io.cedarwood.engine.eval.Evaluator#isSatisfied} gives for every policy in
 * turn.
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
        return Decider.isAuthorized(request, policies, entities);
    }
}
