package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.value.EvaluationException;

import java.util.Objects;

/**
 * A policy whose evaluation failed during authorization; the policy was skipped. The kind is the Cedar
 * specification's name for the error (logs and metrics can count by it); the message says what failed, in
 * words for the policy's author; the span, when the policy was parsed from text, is where the policy
 * stands in that text ({@code null} otherwise, e.g. for a policy read from JSON or built in code).
 */
public record AuthorizationError(PolicyId policyId, EvaluationException.Kind kind, String message, SourceSpan span) {
    public AuthorizationError {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The error of {@code policy}, which failed with {@code e}. */
    public static AuthorizationError of(Policy policy, EvaluationException e) {
        return new AuthorizationError(policy.id(), e.kind(), e.getMessage(), policy.sourceSpans().whole().orElse(null));
    }

    @Override
    public String toString() {
        return "while evaluating policy `" + policyId + "`: " + message;
    }
}
