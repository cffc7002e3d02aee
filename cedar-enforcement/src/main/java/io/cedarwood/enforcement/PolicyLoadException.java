package io.cedarwood.enforcement;

/** Policies, a schema or entities that cannot be read or do not parse or validate; the message says where and why. */
public class PolicyLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyLoadException(String message) {
        super(message);
    }

    public PolicyLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
