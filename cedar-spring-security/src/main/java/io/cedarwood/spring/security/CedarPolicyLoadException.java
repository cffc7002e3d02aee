package io.cedarwood.spring.security;

import io.cedarwood.engine.value.CedarException;

/** Policies or a schema could not be read, parsed or validated; the message says where and why. */
public class CedarPolicyLoadException extends CedarException {
    public CedarPolicyLoadException(String message) {
        super(message);
    }

    public CedarPolicyLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
