package io.cedarwood.enforcement;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every integration turns a Java object it was given (a method argument named in an annotation's
 * context, a token claim) into a Cedar value, one rule for all of them:
 * <ul>
 *   <li>a Cedar {@link Value} as such;</li>
 *   <li>{@code Boolean} as {@code Bool}; {@code Long}, {@code Integer}, {@code Short}, {@code Byte} as {@code Long};</li>
 *   <li>a {@code Collection} as a set, a {@code Map} as a record (keys by their text), their {@code null}
 *       elements and entries left out;</li>
 *   <li>anything else, {@code String}s included, as its text ({@code String.valueOf}).</li>
 * </ul>
 * Collections and maps may nest at most {@link Value#MAX_DEPTH} deep and hold at most {@link #MAX_ELEMENTS}
 * elements and entries in all (a collection held twice counts twice); one that contains itself is refused.
 */
public final class CedarValues {
    /** The most elements and entries, at every level together, one object may turn into. */
    public static final int MAX_ELEMENTS = 100_000;

    private CedarValues() {
    }

    /**
     * The Cedar value of {@code o}.
     *
     * @throws NullPointerException when {@code o} is {@code null} (callers leave such entries out)
     * @throws IllegalArgumentException when collections and maps nest deeper than {@link Value#MAX_DEPTH},
     *     hold more than {@link #MAX_ELEMENTS} elements in all, or one contains itself
     */
    public static Value of(Object o) {
        if (o == null) {
            throw new NullPointerException("a null has no Cedar value");
        }
        return new Conversion().of(o, 0);
    }

    private static final class Conversion {
        /** The collections and maps being converted, to refuse one that contains itself. */
        private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int elements;

        Value of(Object o, int depth) {
            if (o instanceof Value v) {
                return v;
            } else if (o instanceof Boolean b) {
                return BoolValue.of(b);
            } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
                return LongValue.of(((Number) o).longValue());
            } else if (!(o instanceof Collection<?> || o instanceof Map<?, ?>)) {
                return StringValue.of(String.valueOf(o));
            }
            if (depth >= Value.MAX_DEPTH) {
                throw new IllegalArgumentException("collections and maps nest more than " + Value.MAX_DEPTH + " deep");
            }
            if (!open.add(o)) {
                throw new IllegalArgumentException("a collection or map contains itself");
            }
            Value value;
            if (o instanceof Collection<?> c) {
                List<Value> values = new ArrayList<>();
                for (Object e : c) {
                    if (e != null) {
                        count();
                        values.add(of(e, depth + 1));
                    }
                }
                value = SetValue.of(values);
            } else {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    if (e.getKey() != null && e.getValue() != null) {
                        count();
                        fields.put(String.valueOf(e.getKey()), of(e.getValue(), depth + 1));
                    }
                }
                value = RecordValue.of(fields);
            }
            open.remove(o);
            return value;
        }

        private void count() {
            if (++elements > MAX_ELEMENTS) {
                throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " elements and entries in all");
            }
        }
    }
}
