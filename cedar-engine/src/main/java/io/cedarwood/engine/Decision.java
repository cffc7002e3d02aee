package io.cedarwood.engine;

/** The outcome of an authorization request. */
public enum Decision {
    ALLOW, DENY
}
