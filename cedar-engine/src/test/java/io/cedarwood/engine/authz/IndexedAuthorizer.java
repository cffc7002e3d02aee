package io.cedarwood.engine.authz;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.EntityProvider;

/**
 * For tests outside this package (the differential tests): the authorizer with the scope index consulted
 * whatever the size of the policy set, where {@link Authorizer} scans sets of fewer than
 * {@link PolicyIndex#SCAN_BELOW} policies.
 */
public final class IndexedAuthorizer {
    private final PolicyIndex index;

    public IndexedAuthorizer(PolicySet policies) {
        this.index = new PolicyIndex(policies.policies(), 0);
    }

    public Response isAuthorized(Request request, EntityProvider entities) {
        return Decider.decide(request, index, entities);
    }
}
