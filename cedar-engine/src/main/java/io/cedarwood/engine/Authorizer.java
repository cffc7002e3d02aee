package io.cedarwood.engine;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decider;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.partial.PartialAuthorization;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Partial authorization: the decision when the known parts of {@code request} and {@code entities}
     * decide it, else the residual policies over what is unknown (see {@code docs/partial-evaluation.md}).
     */
    public PartialResponse isAuthorizedPartial(PartialRequest request, PolicySet policies,
            PartialEntityProvider entities) {
        return PartialAuthorization.authorize(request, policies, entities);
    }

    /**
     * The decisions for one principal and many (action, resource) pairs, in the order of the pairs, each
     * equal to {@link #isAuthorized} on the same request; the principal and its ancestors are looked up once.
     */
    public List<Response> isAuthorizedBatch(BatchRequest batch, PolicySet policies, EntityProvider entities) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(entities, "entities");
        EntityProvider cached = batch.withPrincipalCached(entities);
        List<Response> out = new ArrayList<>(batch.pairs().size());
        for (BatchRequest.Pair pair : batch.pairs()) {
            out.add(Decider.isAuthorized(
                    new Request(batch.principal(), pair.action(), pair.resource(), batch.context()), policies, cached));
        }
        return out;
    }
}
