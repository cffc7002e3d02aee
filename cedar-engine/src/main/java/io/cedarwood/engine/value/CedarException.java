package io.cedarwood.engine.value;

/**
 * The base of every exception the engine's public API throws on bad input. Its message says where and
 * why, in words meant for the person who wrote the input.
 */
public class CedarException extends RuntimeException {
    public CedarException(String message) {
        super(message);
    }

    public CedarException(String message, Throwable cause) {
        super(message, cause);
    }
}
