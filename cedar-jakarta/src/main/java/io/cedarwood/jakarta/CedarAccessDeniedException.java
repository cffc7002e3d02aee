package io.cedarwood.jakarta;

import java.util.Objects;

/**
 * A call that Cedar denied: thrown by the {@code @CedarAuthorize} interceptor before the method body runs.
 * {@link #decision()} carries the diagnostics for logs and tests; the message names no policy, so that it
 * can be shown to a caller.
 */
public class CedarAccessDeniedException extends RuntimeException {
    private final transient CedarDecision decision;

    public CedarAccessDeniedException(CedarDecision decision) {
        super(Objects.requireNonNull(decision, "decision").isAuthenticated() ? "access denied" : "not authenticated");
        this.decision = decision;
    }

    /** What was asked and why it was denied: principal, action, resource, determining policies, errors. */
    public CedarDecision decision() {
        return decision;
    }
}
