package io.cedarwood.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A type as written in a schema, before names are resolved: the unresolved counterpart of
 * {@link SchemaType}. It keeps how a type was referred to (by an entity-or-common name, an entity name,
 * a common-type name, an extension name), because that decides how the name resolves and how the schema
 * translates between the human and the JSON formats.
 */
public sealed interface TypeExpr {

    /** JSON {@code {"type": "Long"}}, {@code "String"}, {@code "Boolean"}: a primitive named by the format itself. */
    record Primitive(Kind kind) implements TypeExpr {
        public enum Kind {
            LONG("Long"), STRING("String"), BOOLEAN("Boolean");

            private final String jsonName;

            Kind(String jsonName) {
                this.jsonName = jsonName;
            }

            /** The name the JSON format uses in {@code "type"}. */
            public String jsonName() {
                return jsonName;
            }
        }

        public Primitive {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code Set<T>}. */
    record SetOf(TypeExpr element) implements TypeExpr {
        public SetOf {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * A record type: attributes in written order. {@code additionalAttributes} exists in the JSON format
     * only; a schema that sets it cannot be resolved (as in the reference without its experimental
     * partial-validation feature).
     */
    record RecordOf(Map<String, Attribute> attributes, boolean additionalAttributes) implements TypeExpr {
        public static final RecordOf EMPTY = new RecordOf(Map.of(), false);

        public RecordOf {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public RecordOf(Map<String, Attribute> attributes) {
            this(attributes, false);
        }

        /** Whether this is {@code {}} (no attributes, closed), the default for shapes and contexts. */
        public boolean isEmpty() {
            return attributes.isEmpty() && !additionalAttributes;
        }
    }

    /** One attribute of a record type. */
    record Attribute(TypeExpr type, boolean required, Map<String, String> annotations) {
        public Attribute {
            Objects.requireNonNull(type, "type");
            annotations = Annotations.copyOf(annotations);
        }

        public Attribute(TypeExpr type, boolean required) {
            this(type, required, Map.of());
        }
    }

    /**
     * A name that may denote a common type or an entity type (every type name of the human format; JSON
     * {@code {"type": "EntityOrCommon", "name": ...}}). Resolves to a common type first.
     */
    record EntityOrCommonRef(String name) implements TypeExpr {
        public EntityOrCommonRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A name that must denote an entity type (JSON {@code {"type": "Entity", "name": ...}}). */
    record EntityRef(String name) implements TypeExpr {
        public EntityRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A name that must denote a common type (JSON {@code {"type": "Name"}}; in the human format only a
     * context given by name, {@code context: Name}).
     */
    record CommonRef(String name) implements TypeExpr {
        public CommonRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An extension type named directly (JSON {@code {"type": "Extension", "name": "ipaddr"}}). */
    record ExtensionRef(String name) implements TypeExpr {
        public ExtensionRef {
            Objects.requireNonNull(name, "name");
        }
    }
}
