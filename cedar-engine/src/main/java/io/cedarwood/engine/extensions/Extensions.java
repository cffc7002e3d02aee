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
        Value a = arguments.get(0);
        return switch (function) {
            case "ip" -> IpAddrValue.parse(string(a));
            case "isIpv4" -> BoolValue.of(ip(a).isIpv4());
            case "isIpv6" -> BoolValue.of(ip(a).isIpv6());
            case "isLoopback" -> BoolValue.of(ip(a).isLoopback());
            case "isMulticast" -> BoolValue.of(ip(a).isMulticast());
            case "isInRange" -> {
                IpAddrValue address = ip(a);
                yield BoolValue.of(address.isInRange(ip(arguments.get(1))));
            }
            case "decimal" -> DecimalValue.parse(string(a));
            case "lessThan" -> {
                DecimalValue x = decimal(a);
                yield BoolValue.of(x.compareTo(decimal(arguments.get(1))) < 0);
            }
            case "lessThanOrEqual" -> {
                DecimalValue x = decimal(a);
                yield BoolValue.of(x.compareTo(decimal(arguments.get(1))) <= 0);
            }
            case "greaterThan" -> {
                DecimalValue x = decimal(a);
                yield BoolValue.of(x.compareTo(decimal(arguments.get(1))) > 0);
            }
            case "greaterThanOrEqual" -> {
                DecimalValue x = decimal(a);
                yield BoolValue.of(x.compareTo(decimal(arguments.get(1))) >= 0);
            }
            case "datetime" -> DatetimeValue.parse(string(a));
            case "offset" -> offset(datetime(a), duration(arguments.get(1)));
            case "durationSince" -> durationSince(datetime(a), datetime(arguments.get(1)));
            case "toDate" -> toDate(datetime(a));
            case "toTime" -> datetime(a).toTime();
            case "duration" -> DurationValue.parse(string(a));
            case "toMilliseconds" -> LongValue.of(duration(a).millis());
            case "toSeconds" -> LongValue.of(duration(a).toSeconds());
            case "toMinutes" -> LongValue.of(duration(a).toMinutes());
            case "toHours" -> LongValue.of(duration(a).toHours());
            case "toDays" -> LongValue.of(duration(a).toDays());
            default -> throw new IllegalStateException("extension function `" + function + "` has no implementation");
        };
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
