package io.cedarwood.spring.security.web;

import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/** What a web request asks to do: the Cedar action and resource. */
public record CedarTarget(EntityUid action, EntityUid resource) {
    public CedarTarget {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
