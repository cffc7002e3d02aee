package io.cedarwood.engine.extensions;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.EvaluationException.Kind;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtensionsTest {

    private static Value call(String function, Value... arguments) {
        return Extensions.call(function, List.of(arguments));
    }

    private static StringValue str(String s) {
        return StringValue.of(s);
    }

    private static Value ip(String s) {
        return call("ip", str(s));
    }

    private static Value decimal(String s) {
        return call("decimal", str(s));
    }

    private static Value datetime(String s) {
        return call("datetime", str(s));
    }

    private static Value duration(String s) {
        return call("duration", str(s));
    }

    private static void assertError(Kind kind, String function, Value... arguments) {
        assertThatThrownBy(() -> call(function, arguments))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void everyRegisteredFunctionIsImplemented() {
        Set<String> called = new HashSet<>();
        for (ExtensionFunction f : Extensions.all()) {
            // calling with arguments of the wrong type reaches the implementation, which must reject them
            Value[] arguments = new Value[f.arity()];
            java.util.Arrays.fill(arguments, SetValue.EMPTY);
            assertThatThrownBy(() -> call(f.name(), arguments))
                    .as(f.name())
                    .isInstanceOfSatisfying(EvaluationException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.TYPE_ERROR))
                    .hasMessageContaining("got set");
            called.add(f.name());
        }
        assertThat(called).hasSize(22);
    }

    @Test
    void constructorsBuildValues() {
        assertThat(ip("10.0.0.1")).isEqualTo(IpAddrValue.parse("10.0.0.1"));
        assertThat(decimal("1.5")).isEqualTo(new DecimalValue(15000));
        assertThat(datetime("1970-01-02")).isEqualTo(new DatetimeValue(86_400_000));
        assertThat(duration("2s")).isEqualTo(new DurationValue(2000));
    }

    @Test
    void constructorsRejectBadTextWithAnExtensionError() {
        assertError(Kind.EXTENSION_ERROR, "ip", str("1.2.3"));
        assertError(Kind.EXTENSION_ERROR, "decimal", str("1"));
        assertError(Kind.EXTENSION_ERROR, "datetime", str("2024-02-30"));
        assertError(Kind.EXTENSION_ERROR, "duration", str("1y"));
    }

    @Test
    void constructorsRejectNonStringsWithATypeError() {
        assertThatThrownBy(() -> call("decimal", LongValue.of(1)))
                .hasMessage("type error: expected string, got long");
        assertError(Kind.TYPE_ERROR, "ip", BoolValue.TRUE);
        assertError(Kind.TYPE_ERROR, "datetime", LongValue.of(0));
        assertError(Kind.TYPE_ERROR, "duration", decimal("1.0"));
    }

    @Test
    void methodsOnAStringSuggestTheConstructor() {
        assertThatThrownBy(() -> call("isIpv4", str("10.0.0.1")))
                .hasMessage("type error: expected ipaddr, got string (maybe you forgot to apply the `ip` constructor?)");
        assertThatThrownBy(() -> call("lessThan", decimal("1.0"), str("2.0")))
                .hasMessage("type error: expected decimal, got string (maybe you forgot to apply the `decimal` constructor?)");
    }

    @Test
    void ipaddrMethods() {
        assertThat(call("isIpv4", ip("10.0.0.1"))).isEqualTo(BoolValue.TRUE);
        assertThat(call("isIpv4", ip("::1"))).isEqualTo(BoolValue.FALSE);
        assertThat(call("isIpv6", ip("::1"))).isEqualTo(BoolValue.TRUE);
        assertThat(call("isIpv6", ip("10.0.0.1"))).isEqualTo(BoolValue.FALSE);
        assertThat(call("isLoopback", ip("127.0.0.2"))).isEqualTo(BoolValue.TRUE);
        assertThat(call("isLoopback", ip("::2"))).isEqualTo(BoolValue.FALSE);
        assertThat(call("isMulticast", ip("228.0.0.1"))).isEqualTo(BoolValue.TRUE);
        assertThat(call("isMulticast", ip("10.0.0.1"))).isEqualTo(BoolValue.FALSE);
        assertThat(call("isInRange", ip("10.0.0.1"), ip("10.0.0.0/8"))).isEqualTo(BoolValue.TRUE);
        assertThat(call("isInRange", ip("11.0.0.1"), ip("10.0.0.0/8"))).isEqualTo(BoolValue.FALSE);
        assertError(Kind.TYPE_ERROR, "isInRange", ip("10.0.0.1"), decimal("1.0"));
        assertError(Kind.TYPE_ERROR, "isInRange", decimal("1.0"), ip("10.0.0.1"));
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 2.0, true, true, false, false",
            "2.0, 1.0, false, false, true, true",
            "1.0, 1.0000, false, true, false, true",
            "-0.0001, 0.0, true, true, false, false",
            "-922337203685477.5808, 922337203685477.5807, true, true, false, false",
    })
    void decimalComparisons(String a, String b, boolean lt, boolean le, boolean gt, boolean ge) {
        assertThat(call("lessThan", decimal(a), decimal(b))).isEqualTo(BoolValue.of(lt));
        assertThat(call("lessThanOrEqual", decimal(a), decimal(b))).isEqualTo(BoolValue.of(le));
        assertThat(call("greaterThan", decimal(a), decimal(b))).isEqualTo(BoolValue.of(gt));
        assertThat(call("greaterThanOrEqual", decimal(a), decimal(b))).isEqualTo(BoolValue.of(ge));
    }

    @Test
    void decimalComparisonsRejectOtherTypes() {
        assertError(Kind.TYPE_ERROR, "lessThan", LongValue.of(1), decimal("1.0"));
        assertError(Kind.TYPE_ERROR, "greaterThanOrEqual", decimal("1.0"), duration("1s"));
    }

    @Test
    void offsetAddsADuration() {
        assertThat(call("offset", datetime("2024-01-01"), duration("1d1ms")))
                .isEqualTo(DatetimeValue.parse("2024-01-02T00:00:00.001Z"));
        assertThat(call("offset", datetime("2024-01-01"), duration("-1d")))
                .isEqualTo(DatetimeValue.parse("2023-12-31"));
    }

    @Test
    void offsetOverflowIsAnExtensionError() {
        assertError(Kind.EXTENSION_ERROR, "offset", new DatetimeValue(Long.MAX_VALUE), duration("1ms"));
        assertError(Kind.EXTENSION_ERROR, "offset", new DatetimeValue(Long.MIN_VALUE), duration("-1ms"));
        assertThat(call("offset", new DatetimeValue(Long.MAX_VALUE - 1), duration("1ms")))
                .isEqualTo(new DatetimeValue(Long.MAX_VALUE));
        assertThatThrownBy(() -> call("offset", new DatetimeValue(Long.MAX_VALUE), duration("1ms")))
                .hasMessageStartingWith("error while evaluating `offset` extension function: overflows when adding an offset");
        assertError(Kind.TYPE_ERROR, "offset", datetime("2024-01-01"), datetime("2024-01-01"));
        assertError(Kind.TYPE_ERROR, "offset", duration("1s"), duration("1s"));
    }

    @Test
    void durationSinceSubtractsDatetimes() {
        assertThat(call("durationSince", datetime("2024-01-02"), datetime("2024-01-01")))
                .isEqualTo(new DurationValue(86_400_000));
        assertThat(call("durationSince", datetime("2024-01-01"), datetime("2024-01-02")))
                .isEqualTo(new DurationValue(-86_400_000));
        assertError(Kind.EXTENSION_ERROR, "durationSince", new DatetimeValue(Long.MAX_VALUE), new DatetimeValue(-1));
        assertError(Kind.EXTENSION_ERROR, "durationSince", new DatetimeValue(Long.MIN_VALUE), new DatetimeValue(1));
        assertError(Kind.TYPE_ERROR, "durationSince", datetime("2024-01-01"), duration("1s"));
    }

    @Test
    void toDateIsMidnightAtOrBefore() {
        assertThat(call("toDate", datetime("2024-10-15T11:35:00.123Z"))).isEqualTo(datetime("2024-10-15"));
        assertThat(call("toDate", datetime("2024-10-15"))).isEqualTo(datetime("2024-10-15"));
        assertThat(call("toDate", datetime("1969-12-31T23:59:59.999Z"))).isEqualTo(datetime("1969-12-31"));
        assertThat(call("toDate", datetime("1969-12-31"))).isEqualTo(datetime("1969-12-31"));
        assertThat(call("toDate", new DatetimeValue(Long.MAX_VALUE)))
                .isEqualTo(new DatetimeValue(Long.MAX_VALUE - Math.floorMod(Long.MAX_VALUE, 86_400_000L)));
    }

    @Test
    void toDateOverflowsOnlyBeforeTheFirstRepresentableMidnight() {
        assertError(Kind.EXTENSION_ERROR, "toDate", new DatetimeValue(Long.MIN_VALUE));
        long firstMidnight = Long.MIN_VALUE + (86_400_000L - Math.floorMod(Long.MIN_VALUE, 86_400_000L));
        assertThat(Math.floorMod(firstMidnight, 86_400_000L)).isZero();
        assertThat(call("toDate", new DatetimeValue(firstMidnight))).isEqualTo(new DatetimeValue(firstMidnight));
        assertError(Kind.EXTENSION_ERROR, "toDate", new DatetimeValue(firstMidnight - 1));
    }

    @Test
    void toTimeIsTheTimeOfDay() {
        assertThat(call("toTime", datetime("2024-10-15T11:35:00.123Z"))).isEqualTo(duration("11h35m123ms"));
        assertThat(call("toTime", datetime("1969-12-31T23:00:00Z"))).isEqualTo(duration("23h"));
        assertThat(call("toTime", datetime("1969-12-31"))).isEqualTo(duration("0ms"));
    }

    @Test
    void durationConversions() {
        Value d = duration("-1d2h3m4s5ms");
        assertThat(call("toMilliseconds", d)).isEqualTo(LongValue.of(-93_784_005));
        assertThat(call("toSeconds", d)).isEqualTo(LongValue.of(-93_784));
        assertThat(call("toMinutes", d)).isEqualTo(LongValue.of(-1_563));
        assertThat(call("toHours", d)).isEqualTo(LongValue.of(-26));
        assertThat(call("toDays", d)).isEqualTo(LongValue.of(-1));
        assertError(Kind.TYPE_ERROR, "toDays", datetime("2024-01-01"));
    }

    @Test
    void wrongNumberOfArgumentsIsATypeError() {
        assertThatThrownBy(() -> call("ip", str("1.2.3.4"), str("1.2.3.4")))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TYPE_ERROR))
                .hasMessage("wrong number of arguments provided to extension function `ip`: expected 1, got 2");
        assertError(Kind.TYPE_ERROR, "isInRange", ip("1.2.3.4"));
        assertError(Kind.TYPE_ERROR, "toDays");
    }

    @Test
    void unknownFunctionIsAnExtensionError() {
        assertThatThrownBy(() -> call("nope", str("x")))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.EXTENSION_ERROR))
                .hasMessage("extension function `nope` does not exist");
    }
}
