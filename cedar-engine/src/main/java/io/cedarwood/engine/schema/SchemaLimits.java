package io.cedarwood.engine.schema;

/** Bounds on schema input, so that deep input gives a clean error instead of exhausting the stack. */
final class SchemaLimits {
    /** How deep sets and records may nest in one type, in both formats. */
    static final int MAX_TYPE_DEPTH = 128;

    /**
     * How many (member, ancestor) pairs the entity type hierarchy may have, counted over every entity
     * type, and likewise the action hierarchy: the schema keeps each one's ancestors, so a chain of n
     * types or actions costs n * (n - 1) / 2 pairs (2,236 at most). Counted before any is kept.
     */
    static final int MAX_ANCESTOR_PAIRS = 2_500_000;

    private SchemaLimits() {
    }
}
