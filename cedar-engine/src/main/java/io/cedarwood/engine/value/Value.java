package io.cedarwood.engine.value;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * A Cedar value. Values are immutable and compare structurally: two values of different types are
 * never equal. Values carry no source locations.
 */
public sealed interface Value
        permits BoolValue, LongValue, StringValue, EntityUid, SetValue, RecordValue, ExtensionValue {
    /**
     * The engine's one nesting limit, for the values it takes in (a request's context, an entity's
     * attributes and tags: checked when a {@code Request} or an {@code Entity} is made) and, as
     * {@code Expr.MAX_DEPTH}, for expressions. Checked once where input enters, without recursion, so that
     * everything after it (equality, hashing, evaluation, validation) recurses a bounded depth. See
     * {@code docs/limits.md}.
     */
    int MAX_DEPTH = 500;

    /** The value's type as Cedar names it in messages: {@code bool}, {@code long}, {@code string}, ... */
    String typeName();

    /** This value written as a Cedar expression that evaluates to it. */
    String toCedar();

    /**
     * The nesting depth of this value (a value with no elements or attributes is 1), computed without
     * recursion so that any value can be measured; counting stops as soon as it passes {@code limit}, so
     * the result is then some number above it.
     */
    default int depthUpTo(int limit) {
        record Item(Value v, int depth) {
        }
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(this, 1));
        int max = 0;
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            max = Math.max(max, item.depth());
            if (max > limit) {
                return max;
            }
            Collection<Value> children = item.v() instanceof SetValue s ? s.elements()
                    : item.v() instanceof RecordValue r ? r.attributes().values() : List.of();
            for (Value child : children) {
                stack.push(new Item(child, item.depth() + 1));
            }
        }
        return max;
    }
}
