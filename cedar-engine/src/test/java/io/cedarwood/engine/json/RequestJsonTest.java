package io.cedarwood.engine.json;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RequestJsonTest {

    private static JsonFormatException error(Runnable r) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    @Test
    void readContextGivesTheRecord() {
        assertThat(CedarJson.readContext("{\"a\": 1, \"b\": [\"x\"], \"c\": {\"__entity\": {\"type\": \"U\", \"id\": \"u\"}}}"))
                .isEqualTo(RecordValue.of(Map.of("a", LongValue.of(1), "b", SetValue.of(StringValue.of("x")),
                        "c", EntityUid.of("U", "u"))));
        assertThat(CedarJson.readContext("{}")).isEqualTo(RecordValue.EMPTY);
    }

    @Test
    void readContextWhenNotARecordThenError() {
        assertThat(error(() -> CedarJson.readContext("[]")).reason()).isEqualTo("expected an object, found an array");
        assertThat(error(() -> CedarJson.readContext("{\"__entity\": {\"type\": \"U\", \"id\": \"u\"}}")).reason())
                .isEqualTo("the context must be a record, found a value of type (entity of type `U`)");
        assertThat(error(() -> CedarJson.readContext("{\"a\": {\"b\": 1, \"b\": 2}}")).reason()).isEqualTo("duplicate key `b`");
    }

    @Test
    void readRequestInTheFormatOfTheReferenceCli() {
        Request r = CedarJson.readRequest("""
                {"principal": "User::\\"alice\\"", "action": "Photos::Action::\\"view\\"",
                 "resource": "Photo :: \\"p\\\\u{e9}\\"", "context": {"n": 1}, "other": true}""");
        assertThat(r).isEqualTo(new Request(EntityUid.of("User", "alice"), EntityUid.of("Photos::Action", "view"),
                EntityUid.of("Photo", "pé"), RecordValue.of(Map.of("n", LongValue.of(1)))));
    }

    @Test
    void readRequestWhenAVariableIsMissingOrNullThenError() {
        JsonFormatException e = error(() -> CedarJson.readRequest(
                "{\"principal\": \"User::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\", \"context\": {}}"));
        assertThat(e.reason()).isEqualTo("missing `action`: a request needs `principal`, `action` and `resource`");
        assertThat(e.path()).isEqualTo("$");
        assertThat(error(() -> CedarJson.readRequest(
                "{\"principal\": null, \"action\": \"A::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\", \"context\": {}}")).reason())
                .startsWith("missing `principal`");
        assertThat(error(() -> CedarJson.readRequest(
                "{\"principal\": \"U::\\\"u\\\"\", \"action\": \"A::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\"}")).reason())
                .isEqualTo("missing required key `context`");
    }

    @Test
    void readRequestWhenAUidDoesNotParseThenSaysWhichAndWhy() {
        JsonFormatException e = error(() -> CedarJson.readRequest(
                "{\"principal\": \"U::\\\"u\\\"\",\n \"action\": \"view\", \"resource\": \"R::\\\"r\\\"\", \"context\": {}}"));
        assertThat(e.reason()).startsWith("`view` is not an entity uid: unexpected end of input (expected").contains("`::`");
        assertThat(e.path()).isEqualTo("$.action");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(12);
        assertThat(error(() -> CedarJson.readRequest(
                "{\"principal\": {\"type\": \"U\", \"id\": \"u\"}, \"action\": \"A::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\", \"context\": {}}"))
                .reason()).isEqualTo("expected a string, found an object");
    }

    @Test
    void readRequestWhenContextInvalidThenPathInsideIt() {
        JsonFormatException e = error(() -> CedarJson.readRequest(
                "{\"principal\": \"U::\\\"u\\\"\", \"action\": \"A::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\", \"context\": {\"x\": [1.5]}}"));
        assertThat(e.path()).isEqualTo("$.context.x[0]");
        assertThat(error(() -> CedarJson.readRequest(
                "{\"principal\": \"U::\\\"u\\\"\", \"action\": \"A::\\\"a\\\"\", \"resource\": \"R::\\\"r\\\"\", \"context\": 3}")).reason())
                .isEqualTo("expected an object, found a number");
    }
}
