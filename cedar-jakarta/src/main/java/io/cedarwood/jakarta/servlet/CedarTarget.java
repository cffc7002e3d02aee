package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/**
 * The action and resource a request maps to, and the route that mapped it ({@code "GET /lists/{listId}"}).
 */
public record CedarTarget(EntityUid action, EntityUid resource, String route) {
    public CedarTarget {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(route, "route");
    }
}
