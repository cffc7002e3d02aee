package io.cedarwood.spring.security;

/** Whether Cedar's denials are enforced. */
public enum CedarEnforcementMode {
    /** A request Cedar denies is denied. */
    ENFORCING,
    /**
     * A request Cedar denies is allowed and the would-be denial is logged: for rolling Cedar out next to
     * existing rules. Unauthenticated requests and failures (no route, an exception) are still denied.
     */
    PERMISSIVE
}
