package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.value.StringValue;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What is known to exist when an expression evaluated to {@code true}: attributes of expressions (after
 * {@code e has a}) and tags of expressions (after {@code e.hasTag(t)}). Expressions are matched by shape.
 * Immutable.
 */
final class Capabilities {
    static final Capabilities NONE = new Capabilities(Set.of());

    /** One capability: attribute or tag {@code key} (a string literal for an attribute) of {@code on}. */
    record Capability(Expr on, Expr key, boolean tag) {
    }

    private final Set<Capability> set;

    private Capabilities(Set<Capability> set) {
        this.set = set;
    }

    static Capabilities attribute(Expr on, String attribute) {
        return new Capabilities(Set.of(attributeKey(on, attribute)));
    }

    static Capabilities tag(Expr on, Expr tag) {
        return new Capabilities(Set.of(new Capability(on, tag, true)));
    }

    static Capability attributeKey(Expr on, String attribute) {
        return new Capability(on, new Expr.Literal(new StringValue(attribute)), false);
    }

    boolean hasAttribute(Expr on, String attribute) {
        return !set.isEmpty() && set.contains(attributeKey(on, attribute));
    }

    boolean hasTag(Expr on, Expr tag) {
        return !set.isEmpty() && set.contains(new Capability(on, tag, true));
    }

    Capabilities union(Capabilities other) {
        if (other.set.isEmpty()) {
            return this;
        }
        if (set.isEmpty()) {
            return other;
        }
        Set<Capability> u = new HashSet<>(set);
        u.addAll(other.set);
        return new Capabilities(Collections.unmodifiableSet(u));
    }

    Capabilities intersect(Capabilities other) {
        if (set.isEmpty() || other.set.isEmpty()) {
            return NONE;
        }
        Set<Capability> i = new HashSet<>(set);
        i.retainAll(other.set);
        return i.isEmpty() ? NONE : new Capabilities(Collections.unmodifiableSet(i));
    }
}
