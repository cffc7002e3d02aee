package io.cedarwood.engine.json;

import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class UidTextTest {

    private static EntityUid parse(String text) throws UidText.Invalid {
        return UidText.parse(text);
    }

    private static String error(String text) {
        try {
            UidText.parse(text);
        } catch (UidText.Invalid e) {
            return e.getMessage();
        }
        throw new AssertionError("expected `" + text + "` to be rejected");
    }

    @Test
    void parseSimpleAndNamespacedUids() throws Exception {
        assertThat(parse("User::\"alice\"")).isEqualTo(EntityUid.of("User", "alice"));
        assertThat(parse("A::B::C::\"\"")).isEqualTo(EntityUid.of("A::B::C", ""));
        assertThat(parse("_x1::\"a b\"")).isEqualTo(EntityUid.of("_x1", "a b"));
    }

    @Test
    void parseAllowsWhiteSpaceAndCommentsBetweenTokensAsTheCedarLexerDoes() throws Exception {
        assertThat(parse("  A :: B\n::\t\"x\"  ")).isEqualTo(EntityUid.of("A::B", "x"));
        assertThat(parse("User // the user\n :: \"alice\" // done")).isEqualTo(EntityUid.of("User", "alice"));
        assertThat(parse("\u00a0User\u3000::\u2028\"a\"")).isEqualTo(EntityUid.of("User", "a"));
    }

    @Test
    void parseUnescapesTheIdLikeACedarString() throws Exception {
        assertThat(parse("T::\"\\n\\r\\t\\\\\\0\\'\\\"\"").id()).isEqualTo("\n\r\t\\\0'\"");
        assertThat(parse("T::\"\\x41\\x7f\"").id()).isEqualTo("A\u007f");
        assertThat(parse("T::\"\\u{1F600}\\u{e9}\\u{1_0000}\"").id()).isEqualTo("\uD83D\uDE00é\uD800\uDC00");
        assertThat(parse("T::\"a\nb\"").id()).isEqualTo("a\nb");
        assertThat(parse("T::\"😀\"").id()).isEqualTo("😀");
    }

    @Test
    void parseRejectsBadEscapes() {
        assertThat(error("T::\"\\*\"")).isEqualTo("unknown escape `\\*`");
        assertThat(error("T::\"\\x80\"")).isEqualTo("a `\\x` escape must be at most `\\x7F`");
        assertThat(error("T::\"\\x4\"")).isEqualTo("a `\\x` escape needs two hex digits");
        assertThat(error("T::\"\\u0041\"")).isEqualTo("a `\\u` escape must be written `\\u{...}`");
        assertThat(error("T::\"\\u{}\"")).isEqualTo("a `\\u{...}` escape needs at least one hex digit");
        assertThat(error("T::\"\\u{_1}\"")).isEqualTo("a `\\u{...}` escape cannot start with `_`");
        assertThat(error("T::\"\\u{1234567}\"")).isEqualTo("a `\\u{...}` escape has more than six hex digits");
        assertThat(error("T::\"\\u{110000}\"")).isEqualTo("`\\u{110000}` is beyond the last unicode character");
        assertThat(error("T::\"\\u{d800}\"")).isEqualTo("`\\u{d800}` is a surrogate, not a unicode character");
        assertThat(error("T::\"\\u{12\"")).isEqualTo("a `\\u{...}` escape is not closed");
        assertThat(error("T::\"\\u{g}\"")).isEqualTo("`g` is not a hex digit in a `\\u{...}` escape");
        assertThat(error("T::\"a\rb\"")).isEqualTo("a bare carriage return is not allowed in a string; write `\\r`");
    }

    @Test
    void parseRejectsMalformedUids() {
        assertThat(error("User::alice")).isEqualTo("expected `::` and a quoted id after the type name");
        assertThat(error("User")).isEqualTo("expected `::` and a quoted id after the type name");
        assertThat(error("User:\"a\"")).isEqualTo("expected `::`, found `:`");
        assertThat(error("\"a\"")).isEqualTo("expected an identifier or a quoted id, found `\"`");
        assertThat(error("")).isEqualTo("expected an identifier or a quoted id, found the end of the text");
        assertThat(error("User::\"a")).isEqualTo("the quoted id is not closed");
        assertThat(error("User::\"a\" x")).isEqualTo("unexpected `x` after the entity uid");
        assertThat(error("User::{\"a\": 1}")).isEqualTo("expected an identifier or a quoted id, found `{`");
        assertThat(error("1A::\"a\"")).isEqualTo("expected an identifier or a quoted id, found `1`");
    }

    @Test
    void parseRejectsReservedTypeNames() {
        assertThat(error("if::\"a\"")).isEqualTo("`if` is not a valid entity type name");
        assertThat(error("A::true::\"a\"")).isEqualTo("`A::true` is not a valid entity type name");
        assertThat(error("__cedar::A::\"a\"")).isEqualTo("`__cedar::A` is not a valid entity type name");
        assertThatCode(() -> UidText.parse("User::\"a\" // ok")).doesNotThrowAnyException();
    }
}
