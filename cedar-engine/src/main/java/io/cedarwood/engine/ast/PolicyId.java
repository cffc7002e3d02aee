package io.cedarwood.engine.ast;

import java.util.Objects;

/** A policy's id within a policy set: {@code policy0}, or whatever the application names it. */
public record PolicyId(String value) implements Comparable<PolicyId> {
    public PolicyId {
        Objects.requireNonNull(value, "value");
    }

    public static PolicyId of(String value) {
        return new PolicyId(value);
    }

    @Override
    public int compareTo(PolicyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
