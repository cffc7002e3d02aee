package io.cedarwood.spring.security;

/**
 * Told of every decision a {@link CedarAuthorizationService} makes, on the thread that made it: for
 * logging, metrics and audit. Must not throw; an exception is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CedarDecisionListener {

    /** {@code nanos}: how long the decision took, mapping and entity loading included. */
    void onDecision(CedarAuthorizationDecision decision, long nanos);
}
