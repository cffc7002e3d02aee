package io.cedarwood.engine.ast;

/** Whether a policy permits or forbids. */
public enum Effect {
    PERMIT, FORBID;

    /** {@code permit} or {@code forbid}. */
    public String cedarName() {
        return this == PERMIT ? "permit" : "forbid";
    }
}
