package io.cedarwood.engine.extensions;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cedarwood.engine.extensions.ValueType.BOOL;
import static io.cedarwood.engine.extensions.ValueType.DATETIME;
import static io.cedarwood.engine.extensions.ValueType.DECIMAL;
import static io.cedarwood.engine.extensions.ValueType.DURATION;
import static io.cedarwood.engine.extensions.ValueType.IPADDR;
import static io.cedarwood.engine.extensions.ValueType.LONG;
import static io.cedarwood.engine.extensions.ValueType.STRING;

/**
 * The table of Cedar's extension functions ({@code ipaddr}, {@code decimal}, {@code datetime},
 * {@code duration}), each described once ({@link ExtensionFunction}: name, call style, argument and result
 * types, implementation) and read by the parser (names, arity, call style), the evaluator (the
 * implementation), the validator and the JSON readers (the types) and the schema (the extension types).
 */
public final class Extensions {
    private static final Map<String, ExtensionFunction> FUNCTIONS = new LinkedHashMap<>();

    static {
        // ipaddr
        add("ip", false, List.of(STRING), IPADDR, a -> IpAddrValue.parse(string(a.get(0))));
        add("isIpv4", true, List.of(IPADDR), BOOL, a -> BoolValue.of(ip(a.get(0)).isIpv4()));
        add("isIpv6", true, List.of(IPADDR), BOOL, a -> BoolValue.of(ip(a.get(0)).isIpv6()));
        add("isLoopback", true, List.of(IPADDR), BOOL, a -> BoolValue.of(ip(a.get(0)).isLoopback()));
        add("isMulticast", true, List.of(IPADDR), BOOL, a -> BoolValue.of(ip(a.get(0)).isMulticast()));
        add("isInRange", true, List.of(IPADDR, IPADDR), BOOL, a -> {
            IpAddrValue address = ip(a.get(0));
            return BoolValue.of(address.isInRange(ip(a.get(1))));
        });
        // decimal
        add("decimal", false, List.of(STRING), DECIMAL, a -> DecimalValue.parse(string(a.get(0))));
        add("lessThan", true, List.of(DECIMAL, DECIMAL), BOOL, a -> BoolValue.of(compare(a) < 0));
        add("lessThanOrEqual", true, List.of(DECIMAL, DECIMAL), BOOL, a -> BoolValue.of(compare(a) <= 0));
        add("greaterThan", true, List.of(DECIMAL, DECIMAL), BOOL, a -> BoolValue.of(compare(a) > 0));
        add("greaterThanOrEqual", true, List.of(DECIMAL, DECIMAL), BOOL, a -> BoolValue.of(compare(a) >= 0));
        // datetime
        add("datetime", false, List.of(STRING), DATETIME, a -> DatetimeValue.parse(string(a.get(0))));
        add("offset", true, List.of(DATETIME, DURATION), DATETIME, a -> {
            DatetimeValue datetime = datetime(a.get(0));
            return offset(datetime, duration(a.get(1)));
        });
        add("durationSince", true, List.of(DATETIME, DATETIME), DURATION, a -> {
            DatetimeValue datetime = datetime(a.get(0));
            return durationSince(datetime, datetime(a.get(1)));
        });
        add("toDate", true, List.of(DATETIME), DATETIME, a -> toDate(datetime(a.get(0))));
        add("toTime", true, List.of(DATETIME), DURATION, a -> datetime(a.get(0)).toTime());
        // duration
        add("duration", false, List.of(STRING), DURATION, a -> DurationValue.parse(string(a.get(0))));
        add("toMilliseconds", true, List.of(DURATION), LONG, a -> LongValue.of(duration(a.get(0)).millis()));
        add("toSeconds", true, List.of(DURATION), LONG, a -> LongValue.of(duration(a.get(0)).toSeconds()));
        add("toMinutes", true, List.of(DURATION), LONG, a -> LongValue.of(duration(a.get(0)).toMinutes()));
        add("toHours", true, List.of(DURATION), LONG, a -> LongValue.of(duration(a.get(0)).toHours()));
        add("toDays", true, List.of(DURATION), LONG, a -> LongValue.of(duration(a.get(0)).toDays()));
    }

    private Extensions() {
    }

    private static void add(String name, boolean isMethod, List<ValueType> argumentTypes, ValueType returnType,
                            ExtensionFunction.Implementation implementation) {
        FUNCTIONS.put(name, new ExtensionFunction(name, isMethod, argumentTypes, returnType, implementation));
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
     *         (e.g. {@code decimal("x")}, an {@code offset} that overflows) or does not exist, and
     *         {@code TYPE_ERROR} when an argument has the wrong type or the number of arguments is wrong
     */
    public static Value call(String function, List<Value> arguments) {
        ExtensionFunction f = FUNCTIONS.get(function);
        if (f == null) {
            throw new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                    "extension function `" + function + "` does not exist");
        }
        if (arguments.size() != f.arity()) {
            throw new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                    "wrong number of arguments provided to extension function `" + function + "`: expected "
                            + f.arity() + ", got " + arguments.size());
        }
        return f.implementation().apply(arguments);
    }

    /** The extension types' names, as the constructors return them: {@code ipaddr}, {@code decimal}, ... */
    public static List<String> types() {
        List<String> types = new ArrayList<>();
        for (ExtensionFunction f : FUNCTIONS.values()) {
            if (f.isConstructor() && !types.contains(f.returnType().cedarName())) {
                types.add(f.returnType().cedarName());
            }
        }
        return List.copyOf(types);
    }

    /** The order of two decimals, the receiver first. */
    private static int compare(List<Value> arguments) {
        DecimalValue x = decimal(arguments.get(0));
        return x.compareTo(decimal(arguments.get(1)));
    }

    private static DatetimeValue offset(DatetimeValue datetime, DurationValue duration) {
        try {
            return new DatetimeValue(Math.addExact(datetime.epochMillis(), duration.millis()));
        } catch (ArithmeticException e) {
            throw extensionError("offset", "overflows when adding an offset: " + datetime.toCedar() + "+("
                    + duration + ")");
        }
    }

    private static DurationValue durationSince(DatetimeValue datetime, DatetimeValue other) {
        try {
            return new DurationValue(Math.subtractExact(datetime.epochMillis(), other.epochMillis()));
        } catch (ArithmeticException e) {
            throw extensionError("durationSince", "overflows when computing the duration between "
                    + datetime.toCedar() + " and " + other.toCedar());
        }
    }

    /** Midnight UTC at or before the datetime; overflows only within a day of the smallest datetime. */
    private static DatetimeValue toDate(DatetimeValue datetime) {
        long millis = datetime.epochMillis();
        try {
            return new DatetimeValue(Math.subtractExact(millis, Math.floorMod(millis, DurationValue.MILLIS_PER_DAY)));
        } catch (ArithmeticException e) {
            throw extensionError("toDate", "overflows when computing the date of " + datetime.toCedar());
        }
    }

    private static EvaluationException extensionError(String function, String message) {
        return new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                "error while evaluating `" + function + "` extension function: " + message);
    }

    private static String string(Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw typeError("string", v);
    }

    private static IpAddrValue ip(Value v) {
        if (v instanceof IpAddrValue ip) {
            return ip;
        }
        throw typeError("ipaddr", v);
    }

    private static DecimalValue decimal(Value v) {
        if (v instanceof DecimalValue d) {
            return d;
        }
        throw typeError("decimal", v);
    }

    private static DatetimeValue datetime(Value v) {
        if (v instanceof DatetimeValue d) {
            return d;
        }
        throw typeError("datetime", v);
    }

    private static DurationValue duration(Value v) {
        if (v instanceof DurationValue d) {
            return d;
        }
        throw typeError("duration", v);
    }

    private static EvaluationException typeError(String expected, Value actual) {
        String message = "type error: expected " + expected + ", got " + actual.typeName();
        if (actual instanceof StringValue && !expected.equals("string")) {
            String constructor = expected.equals("ipaddr") ? "ip" : expected;
            message += " (maybe you forgot to apply the `" + constructor + "` constructor?)";
        }
        return new EvaluationException(EvaluationException.Kind.TYPE_ERROR, message);
    }
}
