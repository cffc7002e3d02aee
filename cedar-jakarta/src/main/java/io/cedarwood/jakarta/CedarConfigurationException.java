package io.cedarwood.jakarta;

/**
 * Cedar cannot be set up: a policy, schema or entity file is missing or invalid, or the policies do not
 * validate against the schema. Thrown when the application starts, which then does not.
 */
public class CedarConfigurationException extends IllegalStateException {
    public CedarConfigurationException(String message) {
        super(message);
    }

    public CedarConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
