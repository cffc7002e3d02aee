package io.cedarwood.engine.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    private static JsonFormatException parseError(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JsonText.parse(json));
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    @Test
    void parseKeepsLocationsOfValuesAndKeys() {
        Node.Obj root = (Node.Obj) JsonText.parse("{\n  \"a\": [1, \"x\"],\n  \"b\": true\n}");
        assertThat(root.line()).isEqualTo(1);
        assertThat(root.column()).isEqualTo(1);
        Node.Arr a = (Node.Arr) root.get("a");
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.column()).isEqualTo(8);
        assertThat(a.elements().get(1)).isEqualTo(new Node.Str("x", 2, 12));
        assertThat(root.keyNode("b")).isEqualTo(new Node.Str("b", 3, 3));
        assertThat(root.get("b")).isEqualTo(new Node.Bool(true, 3, 8));
        assertThat(root.keys()).containsExactly("a", "b");
    }

    @Test
    void parseKeepsNumbersAsWritten() {
        Node.Arr a = (Node.Arr) JsonText.parse("[12, -0, 1.5, 2e3]");
        assertThat(a.elements()).extracting(n -> ((Node.Num) n).text()).containsExactly("12", "-0", "1.5", "2e3");
        assertThat(a.elements()).extracting(n -> ((Node.Num) n).integral()).containsExactly(true, true, false, false);
    }

    @Test
    void parseWhenDuplicateKeyThenErrorAtTheSecondKey() {
        JsonFormatException e = parseError("{\n  \"x\": {\"a\": 1,\n         \"a\": 2}\n}");
        assertThat(e.reason()).isEqualTo("duplicate key `a`");
        assertThat(e.path()).isEqualTo("$.x");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.getMessage()).isEqualTo("duplicate key `a` (at `$.x`, line 3, column 10)");
    }

    @Test
    void parseWhenSyntaxErrorThenSaysWhereWithThePathReached() {
        JsonFormatException e = parseError("{\"a\": [1, {\"b\": }]}");
        assertThat(e.reason()).startsWith("invalid JSON: unexpected character");
        assertThat(e.path()).isEqualTo("$.a[1].b");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(17);
    }

    @Test
    void parseWhenTruncatedThenUnexpectedEnd() {
        JsonFormatException e = parseError("[1,\n 2");
        assertThat(e.reason()).isEqualTo("unexpected end of the document");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void parseWhenContentAfterTheValueThenError() {
        JsonFormatException e = parseError("{} []");
        assertThat(e.reason()).isEqualTo("unexpected content after the end of the document");
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void parseWhenEmptyThenError() {
        assertThat(parseError("").reason()).isEqualTo("the document is empty");
        assertThat(parseError(" \n ").reason()).isEqualTo("the document is empty");
    }

    @Test
    void parseWhenCommentsOrSingleQuotesThenError() {
        assertThat(parseError("[1] // c").reason()).startsWith("invalid JSON");
        assertThat(parseError("['a']").reason()).startsWith("invalid JSON");
        assertThat(parseError("[NaN]").reason()).startsWith("invalid JSON");
    }

    @Test
    void parseAcceptsExactlyAsDeepAsTheReference() {
        String ok = "[".repeat(JsonText.MAX_NESTING_DEPTH) + "]".repeat(JsonText.MAX_NESTING_DEPTH);
        assertThat(JsonText.parse(ok)).isInstanceOf(Node.Arr.class);
        String tooDeep = "[".repeat(JsonText.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonText.MAX_NESTING_DEPTH + 1);
        assertThat(parseError(tooDeep).reason()).isEqualTo("the document is nested more than 127 levels deep");
    }

    @Test
    void parseWhenHundredThousandOpenBracketsThenCleanError() {
        JsonFormatException e = parseError("[".repeat(100_000));
        assertThat(e.reason()).isEqualTo("the document is nested more than 127 levels deep");
        assertThat(e.column()).isLessThanOrEqualTo(129);
    }

    @Test
    void parseWhenHugeNumberThenCleanError() {
        assertThat(parseError("[1" + "0".repeat(5000) + "]").reason()).isEqualTo("a number is written with too many digits");
    }

    @Test
    void parseWhenLoneSurrogateThenErrorButPairsAreFine() {
        JsonFormatException e = parseError("{\"k\": \"a\\ud800b\"}");
        assertThat(e.reason()).contains("lone surrogate `\\ud800`");
        assertThat(e.path()).isEqualTo("$.k");
        assertThat(parseError("{\"\\udc00\": 1}").reason()).contains("lone surrogate");
        assertThat(JsonText.parse("\"\\ud83d\\ude00\"")).isEqualTo(new Node.Str("\uD83D\uDE00", 1, 1));
    }

    @Test
    void pathWritesOddKeysAsQuotedBrackets() {
        assertThat(Path.ROOT.toString()).isEqualTo("$");
        assertThat(Path.ROOT.index(2).key("attrs").key("age").toString()).isEqualTo("$[2].attrs.age");
        assertThat(Path.ROOT.key("a b").key("==").key("").key("x\"y").toString())
                .isEqualTo("$[\"a b\"][\"==\"][\"\"][\"x\\\"y\"]");
    }

    @Test
    void renderShortensLongValues() {
        assertThat(JsonText.render(JsonText.parse("{\"a\": [1, true, null, \"s\"]}")))
                .isEqualTo("{\"a\": [1, true, null, \"s\"]}");
        assertThat(JsonText.render(JsonText.parse("\"" + "x".repeat(200) + "\""))).hasSize(83).endsWith("...");
    }

    @Test
    void writeIndentsWithTwoSpaces() {
        String out = JsonText.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("a");
            g.writeNumber(1);
            g.writeEndArray();
            g.writeObjectFieldStart("b");
            g.writeEndObject();
            g.writeEndObject();
        });
        assertThat(out).isEqualTo("{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}");
        assertThatThrownBy(() -> JsonText.parse(out + "x")).isInstanceOf(JsonFormatException.class);
    }
}
