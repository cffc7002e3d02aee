package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityType;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A resolved schema type: every name resolved, common types inlined. Types compare structurally.
 * {@code toString()} writes the type in the human schema syntax with fully qualified names.
 */
public sealed interface SchemaType {
    BoolType BOOL = new BoolType();
    LongType LONG = new LongType();
    StringType STRING = new StringType();

    record BoolType() implements SchemaType {
        @Override
        public String toString() {
            return "Bool";
        }
    }

    record LongType() implements SchemaType {
        @Override
        public String toString() {
            return "Long";
        }
    }

    record StringType() implements SchemaType {
        @Override
        public String toString() {
            return "String";
        }
    }

    record SetType(SchemaType element) implements SchemaType {
        public SetType {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String toString() {
            return "Set<" + element + ">";
        }
    }

    /** A closed record type: attributes by name, in name order. */
    record RecordType(Map<String, AttributeType> attributes) implements SchemaType {
        public static final RecordType EMPTY = new RecordType(Map.of());

        public RecordType {
            attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        /** The attribute's type, or {@code null} when the record type has no such attribute. */
        public AttributeType attribute(String name) {
            return attributes.get(name);
        }

        @Override
        public String toString() {
            if (attributes.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<String, AttributeType> e : attributes.entrySet()) {
                out.append(sep).append(CedarStrings.quote(e.getKey()))
                        .append(e.getValue().required() ? ": " : "?: ").append(e.getValue().type());
                sep = ", ";
            }
            return out.append('}').toString();
        }
    }

    /** An entity type (an entity reference, as an attribute's type). */
    record EntityRefType(EntityType entityType) implements SchemaType {
        public EntityRefType {
            Objects.requireNonNull(entityType, "entityType");
        }

        @Override
        public String toString() {
            return entityType.name();
        }
    }

    /** An extension type: {@code ipaddr}, {@code decimal}, {@code datetime} or {@code duration}. */
    record ExtensionType(String name) implements SchemaType {
        public ExtensionType {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The type of one record attribute and whether records of the type must have it. */
    record AttributeType(SchemaType type, boolean required) {
        public AttributeType {
            Objects.requireNonNull(type, "type");
        }
    }
}
