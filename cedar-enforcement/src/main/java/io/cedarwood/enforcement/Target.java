package io.cedarwood.enforcement;

import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/**
 * The action and resource a request maps to, and the route that mapped it ({@code "GET /lists/{listId}"}).
 */
public record Target(EntityUid action, EntityUid resource, String route) {
    public Target {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(route, "route");
    }
}
