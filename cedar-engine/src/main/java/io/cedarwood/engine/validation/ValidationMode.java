package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;

/** How strictly {@link Validator} checks policies. */
public enum ValidationMode {
    /**
     * The default. Besides what permissive mode checks: the two sides of {@code ==}, {@code contains},
     * {@code containsAll} and {@code containsAny} must have compatible types, the branches of an
     * {@code if} and the elements of a set must have exactly the same type (no unions of entity types, no
     * records that differ in width), set literals may not be empty, and extension constructors take only
     * literals.
     */
    STRICT,
    /** Allows unions of entity types and of records of different shapes; still rules out type errors. */
    PERMISSIVE
}
