package io.cedarwood.engine.schema;

import java.util.Objects;

/** Something wrong with a schema found after parsing, located by its path in the schema. */
record SchemaProblem(String message, SchemaPath path, String help) {
    SchemaProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }
}
