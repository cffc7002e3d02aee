package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.PolicyId;
import java.util.Objects;

/** A policy whose evaluation failed during authorization; the policy was skipped. */
public record AuthorizationError(PolicyId policyId, String message) {
    public AuthorizationError {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "while evaluating policy `" + policyId + "`: " + message;
    }
}
