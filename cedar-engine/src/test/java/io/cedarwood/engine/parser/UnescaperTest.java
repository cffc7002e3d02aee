package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnescaperTest {

    @Test
    void unescapesTheRustEscapes() {
        assertThat(Unescaper.string("a\\nb\\rc\\td\\\\e\\0f\\'g\\\"h").value()).isEqualTo("a\nb\rc\td\\e\0f'g\"h");
    }

    @Test
    void unescapesAsciiHexEscapes() {
        assertThat(Unescaper.string("\\x41\\x7f\\x7F\\x00").value()).isEqualTo("A\u007f\u007f\0");
    }

    @Test
    void unescapesUnicodeEscapesToCodePoints() {
        Unescaper.Unescaped u = Unescaper.string("\\u{0}\\u{41}\\u{1F600}\\u{10FFFF}\\u{1_F6_00}\\u{00004f}");

        assertThat(u.ok()).isTrue();
        assertThat(u.value()).isEqualTo("\0A" + Character.toString(0x1F600) + Character.toString(0x10FFFF)
                + Character.toString(0x1F600) + "O");
        assertThat(u.value().codePointCount(0, u.value().length())).isEqualTo(6);
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneAsTheyAre() {
        String emoji = Character.toString(0x1F600);

        assertThat(Unescaper.string("x" + emoji + "y").value()).isEqualTo("x" + emoji + "y");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\\q", "\\*", "\\x80", "\\xFF", "\\x4", "\\xg1", "\\u", "\\u0041", "\\u{}", "\\u{_41}", "\\u{41",
        "\\u{1234567}", "\\u{110000}", "\\u{D800}", "\\u{DFFF}", "\\u{4g}", "a\rb", "\\"
    })
    void rejectsInvalidEscapes(String body) {
        Unescaper.Unescaped u = Unescaper.string(body);

        assertThat(u.ok()).isFalse();
        assertThat(u.errors()).isNotEmpty();
    }

    @Test
    void reportsEveryInvalidEscapeWithItsOffsets() {
        Unescaper.Unescaped u = Unescaper.string("ab\\qc\\u{110000}d");

        assertThat(u.errors()).extracting(Unescaper.BadEscape::start, Unescaper.BadEscape::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4), org.assertj.core.groups.Tuple.tuple(5, 15));
        assertThat(u.errors().get(0).message()).isEqualTo("the input `\\q` is not a valid escape");
    }

    @Test
    void skipsALineContinuationAndTheWhiteSpaceAfterIt() {
        assertThat(Unescaper.string("a\\\n   \t b").value()).isEqualTo("ab");
    }

    @Test
    void patternsTreatStarsAsWildcardsAndEscapedStarsAsText() {
        Pattern p = Unescaper.pattern("a*b\\*c**").pattern();

        assertThat(p.elements()).containsExactly(
                new Pattern.Text("a"), new Pattern.Wildcard(), new Pattern.Text("b*c"),
                new Pattern.Wildcard(), new Pattern.Wildcard());
    }

    @Test
    void patternsTreatAStarMadeByAnEscapeAsAWildcardAsTheReferenceDoes() {
        assertThat(Unescaper.pattern("\\u{2a}\\x2a").pattern().elements())
                .containsExactly(new Pattern.Wildcard(), new Pattern.Wildcard());
    }

    @Test
    void patternsUnescapeTheOtherEscapes() {
        assertThat(Unescaper.pattern("\\n\\u{1F600}").pattern().elements())
                .isEqualTo(List.of(new Pattern.Text("\n" + Character.toString(0x1F600))));
    }

    @Test
    void patternsRejectInvalidEscapes() {
        assertThat(Unescaper.pattern("a\\qb").ok()).isFalse();
    }

    @Test
    void theEmptyPatternHasNoElements() {
        assertThat(Unescaper.pattern("").pattern().elements()).isEmpty();
    }
}
