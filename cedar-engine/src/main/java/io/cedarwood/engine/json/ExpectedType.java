package io.cedarwood.engine.json;

import io.cedarwood.engine.schema.SchemaType;

import java.util.Objects;

/**
 * What the reader knows about the type of the value at one place in a document. It steers how
 * ambiguous JSON is read: without a schema only the explicit escapes ({@code __entity}, {@code __extn})
 * make entity references and extension values. Where a schema declares the type, implicit forms are
 * accepted too: a bare {@code {"type", "id"}} object as an entity reference, a bare string as an
 * {@code ipaddr}, {@code decimal}, {@code datetime} or {@code duration}, and records and sets pass the
 * declared types on to their members.
 */
sealed interface ExpectedType permits ExpectedType.Unknown, ExpectedType.Declared {

    /** Nothing is known about the value: read it by its own shape. */
    ExpectedType UNKNOWN = new Unknown();

    static ExpectedType of(SchemaType type) {
        return new Declared(type);
    }

    /** No schema information. */
    record Unknown() implements ExpectedType {
    }

    /** The schema declares the value's type. */
    record Declared(SchemaType type) implements ExpectedType {
        public Declared {
            Objects.requireNonNull(type, "type");
        }
    }
}
