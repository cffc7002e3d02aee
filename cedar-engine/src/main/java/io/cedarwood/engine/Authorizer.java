package io.cedarwood.engine;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.eval.EvaluationException;
import io.cedarwood.engine.partial.PartialAuthorization;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;

import java.util.ArrayList;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
        return decide(request, policies.index(), entities);
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
        PolicyIndex index = policies.index();
        EntityProvider cached = batch.withPrincipalCached(entities);
        List<Response> out = new ArrayList<>(batch.pairs().size());
        for (BatchRequest.Pair pair : batch.pairs()) {
            out.add(decide(new Request(batch.principal(), pair.action(), pair.resource(), batch.context()), index, cached));
        }
        return out;
    }

    /** The decision over the policies of {@code index} (package-private so that tests can force the index). */
    static Response decide(Request request, PolicyIndex index, EntityProvider entities) {
        Ids satisfiedPermits = null;
        Ids satisfiedForbids = null;
        List<AuthorizationError> errors = null;
        for (int ordinal : index.candidates(request, entities)) {
            CompiledPolicy policy = index.policy(ordinal);
            boolean satisfied;
            try {
                satisfied = policy.isSatisfied(request, entities);
            } catch (EvaluationException e) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(new AuthorizationError(policy.policy().id(), e.getMessage()));
                continue;
            }
            if (satisfied) {
                if (policy.policy().effect() == Effect.PERMIT) {
                    if (satisfiedPermits == null) {
                        satisfiedPermits = new Ids();
                    }
                    satisfiedPermits.ids.add(policy.policy().id());
                } else {
                    if (satisfiedForbids == null) {
                        satisfiedForbids = new Ids();
                    }
                    satisfiedForbids.ids.add(policy.policy().id());
                }
            }
        }
        List<AuthorizationError> errorList = errors == null ? List.of() : errors;
        if (satisfiedForbids != null) {
            return new Response(Decision.DENY, new Diagnostics(satisfiedForbids, errorList));
        } else if (satisfiedPermits != null) {
            return new Response(Decision.ALLOW, new Diagnostics(satisfiedPermits, errorList));
        }
        return new Response(Decision.DENY, new Diagnostics(Set.of(), errorList));
    }

    /**
     * The ids of the satisfied policies as they are found: distinct (each policy is evaluated once), in
     * set order. Only read by {@link Diagnostics}, which copies it.
     */
    private static final class Ids extends AbstractSet<PolicyId> {
        final List<PolicyId> ids = new ArrayList<>(2);

        @Override
        public Iterator<PolicyId> iterator() {
            return ids.iterator();
        }

        @Override
        public int size() {
            return ids.size();
        }
    }
}
