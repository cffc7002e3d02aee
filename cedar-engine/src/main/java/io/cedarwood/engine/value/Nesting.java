package io.cedarwood.engine.value;

import java.util.Collection;

/**
 * The bound on values built in code: a set or record is at most twice {@link Value#MAX_DEPTH} deep. Twice,
 * because evaluation nests at most {@code Expr.MAX_DEPTH} levels of set and record literals around input
 * values that are themselves at most {@code MAX_DEPTH} deep, so no accepted input reaches it; it exists so
 * that equality, hashing and printing, which recurse, never meet a value deep enough to overflow the stack.
 */
final class Nesting {
    /** The deepest set or record that can be built. */
    static final int MAX_BUILT_DEPTH = 2 * Value.MAX_DEPTH;

    private Nesting() {
    }

    /** Throws unless a set or record of {@code children} is at most {@link #MAX_BUILT_DEPTH} deep. */
    static void check(Collection<? extends Value> children) {
        for (Value child : children) {
            if ((child instanceof SetValue || child instanceof RecordValue)
                    && child.depthUpTo(MAX_BUILT_DEPTH - 1) > MAX_BUILT_DEPTH - 1) {
                throw new CedarException("a value is nested too deeply: at most " + MAX_BUILT_DEPTH
                        + " levels of sets and records are supported");
            }
        }
    }
}
