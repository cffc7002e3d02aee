package io.cedarwood.engine.drt;

import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.Names;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A type as the generators think of it: what a schema declares and what expressions are built for. */
sealed interface GenType {
    GenType BOOL = new Prim("Bool");
    GenType LONG = new Prim("Long");
    GenType STRING = new Prim("String");

    /** The type in the human schema syntax; entity types are written by the name given. */
    String toSchema();

    /** {@code Bool}, {@code Long} or {@code String}. */
    record Prim(String name) implements GenType {
        @Override
        public String toSchema() {
            return name;
        }
    }

    /** {@code ipaddr}, {@code decimal}, {@code datetime} or {@code duration}. */
    record Ext(String name) implements GenType {
        @Override
        public String toSchema() {
            return name;
        }
    }

    record SetOf(GenType element) implements GenType {
        @Override
        public String toSchema() {
            return "Set<" + element.toSchema() + ">";
        }
    }

    /** A record type; attribute names in name order. */
    record Rec(Map<String, Attr> attributes) implements GenType {
        public Rec {
            attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        @Override
        public String toSchema() {
            return attributes.entrySet().stream()
                    .map(e -> key(e.getKey()) + (e.getValue().required() ? "" : "?") + ": " + e.getValue().type().toSchema())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /** An entity type, by its fully qualified name; {@code written} is how the schema writes it. */
    record Ent(String name, String written) implements GenType {
        @Override
        public String toSchema() {
            return written;
        }
    }

    /** A common type: written by its name, meaning {@code resolved}. */
    record Common(String name, GenType resolved) implements GenType {
        @Override
        public String toSchema() {
            return name;
        }
    }

    /** What a type means, with common-type names looked through. */
    static GenType resolve(GenType t) {
        return t instanceof Common c ? resolve(c.resolved()) : t;
    }

    /** An attribute's type and whether it is required. */
    record Attr(GenType type, boolean required) {
    }

    /** An attribute name as a schema writes it: bare when it is an identifier, quoted otherwise. */
    static String key(String name) {
        return Names.isIdentifier(name) ? name : CedarStrings.quote(name);
    }
}
