package io.cedarwood.spring.security;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import java.util.function.Supplier;

/**
 * Wraps each decision of the {@link CedarAuthorizationService}, around the deciding (Micrometer's
 * observation does: {@code io.cedarwood.spring.security.observation.CedarObservation}). Must return the
 * decision {@code decide} gives.
 */
@FunctionalInterface
public interface CedarDecisionObserver {

    /** Decides without observing. */
    CedarDecisionObserver NONE = (source, action, decide) -> decide.get();

    /**
     * @param action the action asked about; {@code null} when the call failed before one was known
     * @param decide makes the decision
     */
    CedarAuthorizationDecision observe(Source source, EntityUid action, Supplier<CedarAuthorizationDecision> decide);
}
