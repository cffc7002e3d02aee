package io.cedarwood.engine.json;

/**
 * What the reader knows about the type of the value at one place in a document. It steers how
 * ambiguous JSON is read: without a schema only the explicit escapes ({@code __entity}, {@code __extn})
 * make entity references and extension values. Schema-based reading will add kinds here (an entity type,
 * an extension type, a set or record of expected types) under which implicit forms are accepted: a bare
 * {@code {"type", "id"}} object as an entity reference, a bare string as an {@code ipaddr}, {@code decimal},
 * {@code datetime} or {@code duration}.
 */
sealed interface ExpectedType permits ExpectedType.Unknown {

    /** Nothing is known about the value: read it by its own shape. */
    ExpectedType UNKNOWN = new Unknown();

    /** No schema information. */
    record Unknown() implements ExpectedType {
    }
}
