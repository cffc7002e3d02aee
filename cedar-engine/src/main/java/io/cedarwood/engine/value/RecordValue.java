package io.cedarwood.engine.value;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A Cedar record: attribute names to values, immutable, kept in attribute-name order. */
public record RecordValue(Map<String, Value> attributes) implements Value {
    public static final RecordValue EMPTY = new RecordValue(Map.of());

    public RecordValue {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public static RecordValue of(Map<String, ? extends Value> attributes) {
        return new RecordValue(Map.copyOf(attributes));
    }

    /** The attribute's value, or {@code null} when the record has no such attribute. */
    public Value get(String attribute) {
        return attributes.get(attribute);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    @Override
    public String typeName() {
        return "record";
    }

    @Override
    public String toCedar() {
        return attributes.entrySet().stream()
                .map(e -> CedarStrings.quote(e.getKey()) + ": " + e.getValue().toCedar())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
