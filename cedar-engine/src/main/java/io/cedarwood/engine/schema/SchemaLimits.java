package io.cedarwood.engine.schema;

/** Bounds on schema input, so that deep input gives a clean error instead of exhausting the stack. */
final class SchemaLimits {
    /** How deep sets and records may nest in one type, in both formats. */
    static final int MAX_TYPE_DEPTH = 128;

    private SchemaLimits() {
    }
}
