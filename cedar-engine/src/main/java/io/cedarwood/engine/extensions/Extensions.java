package io.cedarwood.engine.extensions;

import io.cedarwood.engine.eval.EvaluationException;
import io.cedarwood.engine.value.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of Cedar's extension functions ({@code ipaddr}, {@code decimal}, {@code datetime},
 * {@code duration}), read by the parser (names, arity, call style), the evaluator and the validator.
 */
public final class Extensions {
    private static final Map<String, ExtensionFunction> FUNCTIONS = new LinkedHashMap<>();

    static {
        // ipaddr
        add("ip", false, List.of("String"), "ipaddr");
        add("isIpv4", true, List.of("ipaddr"), "Bool");
        add("isIpv6", true, List.of("ipaddr"), "Bool");
        add("isLoopback", true, List.of("ipaddr"), "Bool");
        add("isMulticast", true, List.of("ipaddr"), "Bool");
        add("isInRange", true, List.of("ipaddr", "ipaddr"), "Bool");
        // decimal
        add("decimal", false, List.of("String"), "decimal");
        add("lessThan", true, List.of("decimal", "decimal"), "Bool");
        add("lessThanOrEqual", true, List.of("decimal", "decimal"), "Bool");
        add("greaterThan", true, List.of("decimal", "decimal"), "Bool");
        add("greaterThanOrEqual", true, List.of("decimal", "decimal"), "Bool");
        // datetime
        add("datetime", false, List.of("String"), "datetime");
        add("offset", true, List.of("datetime", "duration"), "datetime");
        add("durationSince", true, List.of("datetime", "datetime"), "duration");
        add("toDate", true, List.of("datetime"), "datetime");
        add("toTime", true, List.of("datetime"), "duration");
        // duration
        add("duration", false, List.of("String"), "duration");
        add("toMilliseconds", true, List.of("duration"), "Long");
        add("toSeconds", true, List.of("duration"), "Long");
        add("toMinutes", true, List.of("duration"), "Long");
        add("toHours", true, List.of("duration"), "Long");
        add("toDays", true, List.of("duration"), "Long");
    }

    private Extensions() {
    }

    private static void add(String name, boolean isMethod, List<String> argumentTypes, String returnType) {
        FUNCTIONS.put(name, new ExtensionFunction(name, isMethod, argumentTypes, returnType));
    }

    /** The function with this name, or {@code null} when Cedar has none. */
    public static ExtensionFunction function(String name) {
        return FUNCTIONS.get(name);
    }

    /** Every extension function, in a fixed order. */
    public static List<ExtensionFunction> all() {
        return List.copyOf(FUNCTIONS.values());
    }

    /**
     * Calls an extension function on already-evaluated arguments.
     *
     * @throws EvaluationException of kind {@code EXTENSION_ERROR} when the function rejects its arguments
     *         (e.g. {@code decimal("x")}) and {@code TYPE_ERROR} when an argument has the wrong type
     */
    public static Value call(String function, List<Value> arguments) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
