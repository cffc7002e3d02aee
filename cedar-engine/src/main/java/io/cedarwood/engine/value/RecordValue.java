package io.cedarwood.engine.value;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Cedar record: attribute names to values, immutable, kept in attribute-name order.
 *
 * @throws CedarException when it would be nested more than twice {@link Value#MAX_DEPTH} deep
 */
public record RecordValue(Map<String, Value> attributes) implements Value {
    public static final RecordValue EMPTY = new RecordValue(Map.of());

    public RecordValue {
        Nesting.check(attributes.values());
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
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Value> e : attributes.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(CedarStrings.quote(e.getKey())).append(": ").append(e.getValue().toCedar());
        }
        return out.append('}').toString();
    }

    // written out rather than generated, so that each level of a deep value takes few stack frames

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordValue other && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "RecordValue[attributes=" + attributes + "]";
    }
}
