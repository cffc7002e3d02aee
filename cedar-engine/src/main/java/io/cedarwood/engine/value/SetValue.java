package io.cedarwood.engine.value;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Cedar set: unordered, no duplicates, immutable.
 *
 * @throws CedarException when it would be nested more than twice {@link Value#MAX_DEPTH} deep
 */
public record SetValue(Set<Value> elements) implements Value {
    public static final SetValue EMPTY = new SetValue(Set.of());

    public SetValue {
        Nesting.check(elements);
        elements = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }

    public static SetValue of(Collection<? extends Value> elements) {
        return new SetValue(new LinkedHashSet<>(elements));
    }

    public static SetValue of(Value... elements) {
        return of(java.util.Arrays.asList(elements));
    }

    public boolean contains(Value v) {
        return elements.contains(v);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public String toCedar() {
        StringBuilder out = new StringBuilder("[");
        for (Value e : elements) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(e.toCedar());
        }
        return out.append(']').toString();
    }

    // written out rather than generated, so that each level of a deep value takes few stack frames

    @Override
    public boolean equals(Object o) {
        return o instanceof SetValue other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "SetValue[elements=" + elements + "]";
    }
}
