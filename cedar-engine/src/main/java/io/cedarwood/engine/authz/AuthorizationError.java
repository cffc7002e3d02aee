package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.value.EvaluationException;

import java.util.Objects;

/**
 * A policy whose evaluation failed during authorization; the policy was skipped. The kind is the Cedar
 * specification's name for the error (logs and metrics can count by it); the message says what failed, in
 * words for the policy's author.
 */
public record AuthorizationError(PolicyId policyId, EvaluationException.Kind kind, String message) {
    public AuthorizationError {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The error of policy {@code policyId} that failed with {@code e}. */
    public static AuthorizationError of(PolicyId policyId, EvaluationException e) {
        return new AuthorizationError(policyId, e.kind(), e.getMessage());
    }

    @Override
    public String toString() {
        return "while evaluating policy `" + policyId + "`: " + message;
    }
}
