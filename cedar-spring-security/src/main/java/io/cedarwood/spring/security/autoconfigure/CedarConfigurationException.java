package io.cedarwood.spring.security.autoconfigure;

/**
 * Cedar configuration that cannot work: a route property missing or malformed, a route or an annotated
 * method naming an action or type the schema does not have. The message names the property, route or
 * method, and the nearest valid name.
 */
public class CedarConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CedarConfigurationException(String message) {
        super(message);
    }

    public CedarConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
