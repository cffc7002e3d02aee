package io.cedarwood.engine.value;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A Cedar set: unordered, no duplicates, immutable. */
public record SetValue(Set<Value> elements) implements Value {
    public static final SetValue EMPTY = new SetValue(Set.of());

    public SetValue {
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
        return elements.stream().map(Value::toCedar).collect(Collectors.joining(", ", "[", "]"));
    }
}
