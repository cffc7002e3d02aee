package io.cedarwood.enforcement;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Collections and maps may nest at most {@link Value#MAX_DEPTH} deep; one that contains itself is refused.
 * Each collection or map is converted once however often it is shared, so the cost is linear in the
 * number of distinct objects.
 */
public final class CedarValues {
    private CedarValues() {
    }

    /**
     * The Cedar value of {@code o}.
     *
     * @throws NullPointerException when {@code o} is {@code null} (callers leave such entries out)
     * @throws IllegalArgumentException when collections and maps nest deeper than {@link Value#MAX_DEPTH}
     *     or one contains itself
     */
    public static Value of(Object o) {
        if (o == null) {
            throw new NullPointerException("a null has no Cedar value");
        }
        return of(o, 0, new IdentityHashMap<>());
    }

    /** {@code done} maps each collection or map converted so far to its value, or to {@code null} while it is converted. */
    private static Value of(Object o, int depth, IdentityHashMap<Object, Value> done) {
        if (o instanceof Value v) {
            return v;
        } else if (o instanceof Boolean b) {
            return BoolValue.of(b);
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return LongValue.of(((Number) o).longValue());
        } else if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
            if (done.containsKey(o)) {
                Value value = done.get(o);
                if (value == null) {
                    throw new IllegalArgumentException("a collection or map contains itself");
                }
                return value;
            }
            if (depth >= Value.MAX_DEPTH) {
                throw new IllegalArgumentException("collections and maps nest more than " + Value.MAX_DEPTH + " deep");
            }
            done.put(o, null);
            Value value;
            if (o instanceof Collection<?> c) {
                List<Value> elements = new ArrayList<>();
                for (Object e : c) {
                    if (e != null) {
                        elements.add(of(e, depth + 1, done));
                    }
                }
                value = SetValue.of(elements);
            } else {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    if (e.getKey() != null && e.getValue() != null) {
                        fields.put(String.valueOf(e.getKey()), of(e.getValue(), depth + 1, done));
                    }
                }
                value = RecordValue.of(fields);
            }
            done.put(o, value);
            return value;
        }
        return StringValue.of(String.valueOf(o));
    }
}
