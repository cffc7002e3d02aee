package io.cedarwood.spring.security.observation;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import io.micrometer.observation.Observation;

import java.util.Objects;
import java.util.Optional;

/** The context of a {@link CedarObservation}: what was asked and, once decided, the decision. */
public final class CedarObservationContext extends Observation.Context {
    private final Source source;
    private final EntityUid action;
    private volatile CedarAuthorizationDecision decision;

    CedarObservationContext(Source source, EntityUid action) {
        this.source = Objects.requireNonNull(source, "source");
        this.action = action;
    }

    public Source source() {
        return source;
    }

    /** The action asked about; empty when the call failed before one was known. */
    public Optional<EntityUid> action() {
        return Optional.ofNullable(action);
    }

    /** The decision; empty until it is made. */
    public Optional<CedarAuthorizationDecision> decision() {
        return Optional.ofNullable(decision);
    }

    void decision(CedarAuthorizationDecision decision) {
        this.decision = decision;
    }
}
