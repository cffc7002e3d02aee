package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.CedarException;

/**
 * A request that its schema does not allow: an undeclared principal type, resource type or action, a
 * principal or resource type the action does not apply to, an id that an enumerated entity type does not
 * have, or a context that does not have the action's context type. Thrown by {@link Schema#validateRequest}.
 */
public final class RequestValidationException extends CedarException {
    public RequestValidationException(String message) {
        super(message);
    }
}
