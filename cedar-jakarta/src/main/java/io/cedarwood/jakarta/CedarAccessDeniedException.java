package io.cedarwood.jakarta;

import io.cedarwood.enforcement.EnforcementDecision;

import java.util.Objects;

/**
 * A call that Cedar denied: thrown by the {@code @CedarAuthorize} interceptor before the method body runs.
 * {@link #decision()} carries the diagnostics for logs and tests; the message names no policy, so that it
 * can be shown to a caller.
 */
public class CedarAccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient EnforcementDecision decision;

    public CedarAccessDeniedException(EnforcementDecision decision) {
        super(Objects.requireNonNull(decision, "decision").isAuthenticated() ? "access denied" : "not authenticated");
        this.decision = decision;
    }

    /** What was asked and why it was denied: principal, action, resource, determining policies, errors. */
    public EnforcementDecision decision() {
        return decision;
    }
}
