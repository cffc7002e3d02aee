package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.value.EvaluationException;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The authorizer behind {@link io.cedarwood.engine.Authorizer}: every compiled policy the scope index
 * offers is evaluated; Allow iff some permit is satisfied and no forbid is. Its answers are checked
 * against {@link ReferenceAuthorizer} by the differential tests.
 */
public final class Decider {
    private Decider() {
    }

    /** The decision for {@code request} over {@code policies}. */
    public static Response isAuthorized(Request request, PolicySet policies, EntityProvider entities) {
        return decide(request, policies.index(), entities);
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
                errors.add(AuthorizationError.of(policy.policy(), e));
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
