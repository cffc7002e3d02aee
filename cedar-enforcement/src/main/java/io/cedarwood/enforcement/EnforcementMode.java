package io.cedarwood.enforcement;

/** Whether Cedar's denials are enforced. */
public enum EnforcementMode {
    /** Cedar's decision is enforced (the default). */
    ENFORCING,
    /**
     * Cedar's denials are only reported (logged at WARN, told to listeners) and the request is allowed: for
     * trying policies out on live traffic. Failures before Cedar is asked (no principal, no route, an
     * exception) still deny.
     */
    PERMISSIVE
}
