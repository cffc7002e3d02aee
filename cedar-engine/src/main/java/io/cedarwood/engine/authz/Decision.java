package io.cedarwood.engine.authz;

/** The outcome of an authorization request. */
public enum Decision {
    ALLOW, DENY
}
