package io.cedarwood.engine.json;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The JSON value format without a schema. Extension calls go to a stand-in here; see {@code ExtensionEscapesTest}. */
class ValueJsonTest {
    private final List<String> calls = new ArrayList<>();

    /** Records each call; {@code decimal("bad")} fails as the real function would. */
    private final ValueReader reader = new ValueReader((fn, args) -> {
        calls.add(fn + args);
        if (args.equals(List.of(StringValue.of("bad")))) {
            throw new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR, "`bad` is not a well-formed decimal value");
        }
        return new DecimalValue(args.size());
    });

    private Value read(String json) {
        return reader.read(JsonText.parse(json), Path.ROOT, ExpectedType.UNKNOWN);
    }

    private JsonFormatException readError(String json) {
        Throwable t = catchThrowable(() -> read(json));
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    @Test
    void readPrimitives() {
        assertThat(read("true")).isEqualTo(BoolValue.TRUE);
        assertThat(read("false")).isEqualTo(BoolValue.FALSE);
        assertThat(read("-42")).isEqualTo(LongValue.of(-42));
        assertThat(read("\"caf\\u00e9 \\ud83d\\ude00\"")).isEqualTo(StringValue.of("café \uD83D\uDE00"));
    }

    @Test
    void readLongsAtTheEdgesOfTheRange() {
        assertThat(read("9223372036854775807")).isEqualTo(LongValue.of(Long.MAX_VALUE));
        assertThat(read("-9223372036854775808")).isEqualTo(LongValue.of(Long.MIN_VALUE));
        assertThat(readError("9223372036854775808").reason()).isEqualTo("number `9223372036854775808` does not fit in a `Long`");
        assertThat(readError("-9223372036854775809").reason()).contains("does not fit in a `Long`");
    }

    @Test
    void readRejectsNumbersThatAreNotIntegersAsTheReferenceDoes() {
        assertThat(readError("[1, 1.5]").reason()).isEqualTo("number `1.5` is not an integer");
        assertThat(readError("[1, 1.5]").path()).isEqualTo("$[1]");
        assertThat(readError("1.0").reason()).isEqualTo("number `1.0` is not an integer");
        assertThat(readError("1e2").reason()).isEqualTo("number `1e2` is not an integer");
        // serde_json reads -0 as a floating-point number, so the reference rejects it
        assertThat(readError("-0").reason()).isEqualTo("number `-0` is not accepted as a `Long`; write `0`");
        assertThat(read("0")).isEqualTo(LongValue.of(0));
    }

    @Test
    void readRejectsNull() {
        JsonFormatException e = readError("{\"a\": {\"b\": null}}");
        assertThat(e.reason()).isEqualTo("found `null`, which is not a Cedar value");
        assertThat(e.path()).isEqualTo("$.a.b");
    }

    @Test
    void readArraysAsSetsAndObjectsAsRecords() {
        assertThat(read("[1, \"a\", [true], 1]"))
                .isEqualTo(SetValue.of(LongValue.of(1), StringValue.of("a"), SetValue.of(BoolValue.TRUE)));
        assertThat(read("{\"b\": 2, \"a\": {\"\": []}}")).isEqualTo(RecordValue.of(Map.of(
                "a", RecordValue.of(Map.of("", SetValue.EMPTY)),
                "b", LongValue.of(2))));
        assertThat(read("{}")).isEqualTo(RecordValue.EMPTY);
    }

    @Test
    void readEntityEscape() {
        assertThat(read("{\"__entity\": {\"type\": \"A::B\", \"id\": \"x\\\"y\"}}")).isEqualTo(EntityUid.of("A::B", "x\"y"));
        // members beyond type and id are ignored, as in the reference
        assertThat(read("{\"__entity\": {\"type\": \"A\", \"id\": \"\", \"other\": 1}}")).isEqualTo(EntityUid.of("A", ""));
    }

    @Test
    void readEntityEscapeWithBadTypeNameSaysWhere() {
        JsonFormatException e = readError("[{\"__entity\": {\"type\": \"A B\", \"id\": \"x\"}}]");
        assertThat(e.reason()).isEqualTo("`A B` is not a valid entity type name");
        assertThat(e.path()).isEqualTo("$[0].__entity.type");
        assertThat(e.column()).isEqualTo(24);
        assertThat(readError("{\"__entity\": {\"type\": \"__cedar::A\", \"id\": \"x\"}}").reason()).contains("not a valid entity type name");
        assertThat(readError("{\"__entity\": {\"type\": \"if\", \"id\": \"x\"}}").reason()).contains("not a valid entity type name");
        assertThat(readError("{\"__entity\": {\"type\": \" A\", \"id\": \"x\"}}").reason()).contains("not a valid entity type name");
    }

    @Test
    void readObjectsThatOnlyLookLikeEscapesAsRecords() {
        // without a schema, the implicit form is a record
        assertThat(read("{\"type\": \"User\", \"id\": \"alice\"}"))
                .isEqualTo(RecordValue.of(Map.of("type", StringValue.of("User"), "id", StringValue.of("alice"))));
        // an escape has a single key and the expected members; otherwise the reference reads a record
        assertThat(read("{\"__entity\": \"x\"}")).isEqualTo(RecordValue.of(Map.of("__entity", StringValue.of("x"))));
        assertThat(read("{\"__entity\": {\"type\": \"A\", \"id\": \"b\"}, \"c\": 1}"))
                .isInstanceOfSatisfying(RecordValue.class, r -> assertThat(r.attributes()).containsOnlyKeys("__entity", "c"));
        assertThat(read("{\"__extn\": {\"fn\": \"decimal\"}}")).isInstanceOf(RecordValue.class);
        assertThat(read("{\"__extn\": {\"fn\": 1, \"arg\": \"1.0\"}}")).isInstanceOf(RecordValue.class);
        assertThat(read("{\"fn\": \"decimal\", \"arg\": \"1.0\"}")).isInstanceOf(RecordValue.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void readExtensionEscapeWithOneArgument() {
        assertThat(read("{\"__extn\": {\"fn\": \"decimal\", \"arg\": \"1.5\"}}")).isEqualTo(new DecimalValue(1));
        assertThat(calls).containsExactly("decimal[StringValue[value=1.5]]");
    }

    @Test
    void readExtensionEscapeWithSeveralArgumentsEvaluatesThemFirst() {
        read("{\"__extn\": {\"fn\": \"offset\", \"args\": [{\"__extn\": {\"fn\": \"datetime\", \"arg\": \"2024-01-01\"}}, "
                + "{\"__extn\": {\"fn\": \"duration\", \"arg\": \"1h\"}}]}}");
        assertThat(calls).containsExactly("datetime[StringValue[value=2024-01-01]]",
                "duration[StringValue[value=1h]]", "offset[0.0001, 0.0001]");
    }

    @Test
    void readExtensionEscapePrefersArgOverArgs() {
        read("{\"__extn\": {\"fn\": \"decimal\", \"arg\": \"1\", \"args\": [\"2\", \"3\"]}}");
        assertThat(calls).containsExactly("decimal[StringValue[value=1]]");
    }

    @Test
    void readExtensionEscapeWhenTheFunctionFailsThenErrorAtTheEscape() {
        JsonFormatException e = readError("{\"a\": [\n  {\"__extn\": {\"fn\": \"decimal\", \"arg\": \"bad\"}}]}");
        assertThat(e.reason()).isEqualTo("`bad` is not a well-formed decimal value");
        assertThat(e.path()).isEqualTo("$.a[0]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void readExtensionEscapeWhenTheFunctionIsUnknownThenError() {
        assertThat(readError("{\"__extn\": {\"fn\": \"\", \"arg\": \"x\"}}").reason()).isEqualTo("unknown extension function ``");
        assertThat(readError("{\"__extn\": {\"fn\": \"unknown\", \"arg\": \"x\"}}").reason())
                .isEqualTo("unknown extension function `unknown`");
        assertThat(calls).isEmpty();
    }

    @Test
    void readExprEscapeIsNoLongerSupported() {
        assertThat(readError("{\"__expr\": \"1 + 1\"}").reason()).isEqualTo("the `__expr` escape is no longer supported");
        assertThat(read("{\"__expr\": 1}")).isInstanceOf(RecordValue.class);
    }

    @Test
    void readEntityRefAcceptsExplicitAndImplicitForms() {
        EntityUid alice = EntityUid.of("User", "alice");
        assertThat(ValueReader.readEntityRef(JsonText.parse("{\"type\": \"User\", \"id\": \"alice\"}"), Path.ROOT)).isEqualTo(alice);
        assertThat(ValueReader.readEntityRef(JsonText.parse("{\"__entity\": {\"type\": \"User\", \"id\": \"alice\"}}"), Path.ROOT))
                .isEqualTo(alice);
        assertThat(ValueReader.readEntityRef(JsonText.parse("{\"type\": \"User\", \"id\": \"alice\", \"x\": 1}"), Path.ROOT))
                .isEqualTo(alice);
    }

    @Test
    void readEntityRefRejectsOtherShapes() {
        for (String json : List.of("\"User::\\\"alice\\\"\"", "{\"type\": \"User\"}", "{\"type\": \"User\", \"id\": 1}", "[]")) {
            assertThatThrownBy(() -> ValueReader.readEntityRef(JsonText.parse(json), Path.ROOT.key("uid")))
                    .isInstanceOfSatisfying(JsonFormatException.class, e -> {
                        assertThat(e.reason()).startsWith("expected an entity reference such as `{\"type\": \"User\", \"id\": \"alice\"}`, found `");
                        assertThat(e.path()).isEqualTo("$.uid");
                    });
        }
        assertThatThrownBy(() -> ValueReader.readEntityRef(JsonText.parse("{\"__expr\": \"User::\\\"a\\\"\"}"), Path.ROOT))
                .hasMessageContaining("the `__expr` escape is no longer supported");
    }

    @Test
    void writePrimitivesSetsAndRecords() {
        assertThat(CedarJson.writeValue(LongValue.of(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(CedarJson.writeValue(StringValue.of("a\"\n\u0001é"))).isEqualTo("\"a\\\"\\n\\u0001é\"");
        assertThat(CedarJson.writeValue(SetValue.of(BoolValue.TRUE))).isEqualTo("[\n  true\n]");
        assertThat(CedarJson.writeValue(RecordValue.of(Map.of("b", LongValue.of(1), "a", SetValue.EMPTY))))
                .isEqualTo("{\n  \"a\": [],\n  \"b\": 1\n}");
    }

    @Test
    void writeEntityWithExplicitEscape() {
        assertThat(CedarJson.writeValue(EntityUid.of("A::B", "x")))
                .isEqualTo("{\n  \"__entity\": {\n    \"type\": \"A::B\",\n    \"id\": \"x\"\n  }\n}");
    }

    @Test
    void writeExtensionValuesAsTheConstructorCallsThatMakeThem() {
        assertThat(CedarJson.writeValue(new DecimalValue(-12_300)))
                .isEqualTo("{\n  \"__extn\": {\n    \"fn\": \"decimal\",\n    \"arg\": \"-1.2300\"\n  }\n}");
        assertThat(read(CedarJson.writeValue(new DurationValue(-90_000)))).isEqualTo(new DecimalValue(1));
        assertThat(calls).containsExactly("duration[StringValue[value=-90000ms]]");
        calls.clear();
        read(CedarJson.writeValue(new DatetimeValue(1_700_000_000_123L)));
        assertThat(calls).containsExactly("datetime[StringValue[value=1970-01-01]]",
                "duration[StringValue[value=1700000000123ms]]",
                "offset[0.0001, 0.0001]");
        calls.clear();
        read(CedarJson.writeValue(new IpAddrValue(false, BigInteger.valueOf(0x0a000001L), 8)));
        assertThat(calls).containsExactly("ip[StringValue[value=10.0.0.1/8]]");
    }

    @Test
    void formatIpWritesIpv6Compressed() {
        assertThat(ValueWriter.formatIp(ip6("00000000000000000000000000000001", 128))).isEqualTo("::1/128");
        assertThat(ValueWriter.formatIp(ip6("00000000000000000000000000000000", 0))).isEqualTo("::/0");
        assertThat(ValueWriter.formatIp(ip6("20010db8000000000000000000000000", 32))).isEqualTo("2001:db8::/32");
        assertThat(ValueWriter.formatIp(ip6("20010db8000000010000000000000001", 128))).isEqualTo("2001:db8:0:1::1/128");
        assertThat(ValueWriter.formatIp(ip6("20010db8000000000001000000000001", 128))).isEqualTo("2001:db8::1:0:0:1/128");
        assertThat(ValueWriter.formatIp(ip6("00010002000300040005000600070008", 64))).isEqualTo("1:2:3:4:5:6:7:8/64");
        assertThat(ValueWriter.formatIp(ip6("0000000000000000000000000000ffff", 128))).isEqualTo("::ffff/128");
        assertThat(ValueWriter.formatIp(ip6("00000000000000000000ffff01020304", 128))).isEqualTo("::ffff:102:304/128");
        assertThat(ValueWriter.formatIp(new IpAddrValue(false, BigInteger.valueOf(0xffffffffL), 32))).isEqualTo("255.255.255.255/32");
    }

    private static IpAddrValue ip6(String hex, int prefix) {
        return new IpAddrValue(true, new BigInteger(hex, 16), prefix);
    }

    @Test
    void writeRecordWithReservedKeyFailsAsInTheReference() {
        for (String key : List.of("__entity", "__extn", "__expr")) {
            assertThatThrownBy(() -> CedarJson.writeValue(RecordValue.of(Map.of(key, LongValue.of(1), "b", LongValue.of(2)))))
                    .isInstanceOf(CedarException.class)
                    .hasMessage("cannot write a record with the key `" + key + "` as JSON: the key is reserved for escapes");
        }
    }

    @Test
    void writeThenReadGivesBackTheValue() {
        Value v = RecordValue.of(Map.of(
                "s", SetValue.of(EntityUid.of("N::T", "\u0000\uD83D\uDE00"), LongValue.of(3), StringValue.of("")),
                "r", RecordValue.of(Map.of("type", StringValue.of("User"), "id", StringValue.of("a"))),
                "\"odd key\"", BoolValue.FALSE));
        assertThat(CedarJson.readValue(CedarJson.writeValue(v))).isEqualTo(v);
    }

    @Test
    void writeOfTheDeepestValueThatCanBeBuiltSucceeds() {
        // a value is at most 2 * Value.MAX_DEPTH deep (ValueLimitsTest): within the writer's limit
        Value v = LongValue.of(1);
        for (int i = 1; i < 2 * Value.MAX_DEPTH; i++) {
            v = new RecordValue(Map.of("a", v));
        }
        assertThat(CedarJson.writeValue(v).replaceAll("\\s", "")).startsWith("{\"a\":{\"a\":").contains("{\"a\":1}");
    }
}
