package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.Objects;

/** An authorization request: who ({@code principal}) wants to do what ({@code action}) to what ({@code resource}). */
public record Request(EntityUid principal, EntityUid action, EntityUid resource, RecordValue context) {
    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
    }

    public Request(EntityUid principal, EntityUid action, EntityUid resource) {
        this(principal, action, resource, RecordValue.EMPTY);
    }
}
