package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.util.Objects;

/**
 * An authorization request: who ({@code principal}) wants to do what ({@code action}) to what
 * ({@code resource}), in what context.
 *
 * @throws io.cedarwood.engine.value.CedarException when the context is nested deeper than {@link Value#MAX_DEPTH}
 */
public record Request(EntityUid principal, EntityUid action, EntityUid resource, RecordValue context) {
    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
        if (context.depthUpTo(Value.MAX_DEPTH) > Value.MAX_DEPTH) {
            throw new CedarException("the context is nested too deeply: at most " + Value.MAX_DEPTH
                    + " levels of sets and records are supported");
        }
    }

    public Request(EntityUid principal, EntityUid action, EntityUid resource) {
        this(principal, action, resource, RecordValue.EMPTY);
    }
}
