package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.PolicyId;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a decision was made: the determining policies (the satisfied permits on Allow, the satisfied
 * forbids on Deny; none for a default Deny) and the policies whose evaluation failed.
 */
public record Diagnostics(Set<PolicyId> reason, List<AuthorizationError> errors) {
    public Diagnostics {
        reason = Collections.unmodifiableSet(new LinkedHashSet<>(reason));
        errors = List.copyOf(errors);
    }
}
