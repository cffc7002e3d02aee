package io.cedarwood.engine.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaStringsTest {

    @Test
    void unescapeWhenNoEscapesThenUnchanged() throws Exception {
        assertThat(SchemaStrings.unescape("plain text \u00e9")).isEqualTo("plain text \u00e9");
    }

    @Test
    void unescapeWhenReferenceEscapesThenDecoded() throws Exception {
        assertThat(SchemaStrings.unescape("\\n\\r\\t\\\\\\0\\'\\\"")).isEqualTo("\n\r\t\\\0'\"");
        assertThat(SchemaStrings.unescape("\\x41\\x7f")).isEqualTo("A\u007f");
        assertThat(SchemaStrings.unescape("\\u{41}\\u{1_F6_00}\\u{10ffff}")).isEqualTo("A\uD83D\uDE00\uDBFF\uDFFF");
    }

    @Test
    void unescapeWhenEscapeIsInvalidThenRejectedWithPosition() {
        assertThatThrownBy(() -> SchemaStrings.unescape("ab\\*")).isInstanceOf(SchemaStrings.BadEscape.class)
                .hasMessage("invalid escape `\\*`")
                .satisfies(e -> assertThat(((SchemaStrings.BadEscape) e).offset).isEqualTo(2));
        for (String bad : new String[] {"\\x8", "\\x80", "\\u41", "\\u{}", "\\u{_1}", "\\u{1234567}", "\\u{d800}",
                "\\u{110000}", "\\u{12", "\\", "a\rb", "\\u{g}"}) {
            assertThatThrownBy(() -> SchemaStrings.unescape(bad)).as(bad).isInstanceOf(SchemaStrings.BadEscape.class);
        }
    }
}
