package io.cedarwood.engine.format;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.ParseException;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFormatterTest {
    private static String format(String text) {
        return PolicyFormatter.format(text);
    }

    @Test
    void formatLaysOutTheScopeOnePartALineUnlessAllThreeAreBare() {
        assertThat(format("permit(principal,action,resource);")).isEqualTo("permit (principal, action, resource);\n");
        assertThat(format("permit(principal==User::\"alice\",action in [Action::\"view\",Action::\"edit\"],resource)"
                + " when{resource.owner==principal}unless{context.blocked};"))
                .isEqualTo("""
                        permit (
                          principal == User::"alice",
                          action in [Action::"view", Action::"edit"],
                          resource
                        )
                        when { resource.owner == principal }
                        unless { context.blocked };
                        """);
    }

    @Test
    void formatSeparatesPoliciesByOneEmptyLineAndLeavesNoOtherEmptyLines() {
        String text = "\n\n@id(\"a\")\n\n\npermit(principal,\n\n\naction, resource)\n\n\nwhen { true };\n\n\n\n"
                + "forbid(principal, action, resource);\n\n\n";
        assertThat(format(text)).isEqualTo("""
                @id("a")
                permit (principal, action, resource)
                when { true };

                forbid (principal, action, resource);
                """);
    }

    @Test
    void formatOfNothingIsOneLineBreak() {
        assertThat(format("")).isEqualTo("\n");
        assertThat(format(" \n\t\n")).isEqualTo("\n");
    }

    @Test
    void formatOfOnlyCommentsIsTheCommentsOneALine() {
        assertThat(format("  // one   \n\n// two")).isEqualTo("// one\n// two\n");
    }

    @Test
    void formatThrowsParseExceptionWhenTheTextDoesNotParse() {
        assertThatThrownBy(() -> format("permit(principal, action, resource) when { 1 + };"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unexpected token `}`");
        // the grammar accepts it, the Cedar rules do not
        assertThatThrownBy(() -> format("permit(principal, action, resource) when { 1 / 2 };"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("division is not supported");
    }

    @Test
    void formatRefusesAWidthBelowOneAndANegativeIndentation() {
        assertThatThrownBy(() -> PolicyFormatter.format("", 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the line width must be at least 1, got 0");
        assertThatThrownBy(() -> PolicyFormatter.format("", 80, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the indentation width must not be negative, got -1");
    }

    @Test
    void formatKeepsStringsAndNumbersAsWritten() {
        String text = "permit(principal == User::\"\\u{61}lice\", action, resource) "
                + "when { context.s == \"\\x41\\t\\\"\\\\\" && context.n == 007 && resource.p like \"a\\*b*\" };";
        String formatted = format(text);
        assertThat(formatted).contains("User::\"\\u{61}lice\"", "\"\\x41\\t\\\"\\\\\"", "007", "\"a\\*b*\"");
        assertThat(PolicySet.parse(formatted)).isEqualTo(PolicySet.parse(text));
    }

    @Test
    void formatKeepsLineBreaksInsideStringsAndDoesNotIndentThem() {
        String text = "permit(principal, action, resource) when {\n    context.s == \"two\n  lines\" };";
        assertThat(format(text)).isEqualTo("permit (principal, action, resource)\nwhen { context.s == \"two\n  lines\" };\n");
    }

    @Test
    void formatLeavesOutTrailingCommasButNotTheirComments() {
        assertThat(format("permit(principal, action, resource,) when { [1, 2,].contains(f(1,)) && {a: 1,} == {a: 1} };"
                .replace("f(1,)", "ip(\"1.2.3.4\",)")))
                .isEqualTo("permit (principal, action, resource)\n"
                        + "when { [1, 2].contains(ip(\"1.2.3.4\")) && { a: 1 } == { a: 1 } };\n");
        assertThat(format("permit(principal, action, resource) when { [1, 2, // two\n] == [] };"))
                .isEqualTo("""
                        permit (principal, action, resource)
                        when
                        {
                          [1,
                           2
                          // two
                          ] == []
                        };
                        """);
    }

    @Test
    void formatKeepsACommentAfterATokenOnItsLineAndOtherCommentsOnLinesOfTheirOwn() {
        String text = "permit(principal, action, resource) when { context.a // first\n && // second\n"
                + "// third\n context.b };  // fourth   \n// fifth";
        assertThat(format(text)).isEqualTo("""
                permit (principal, action, resource)
                when
                {
                  context.a // first
                  && // second
                  // third
                  context.b
                }; // fourth
                // fifth
                """);
    }

    @Test
    void formatTreatsCarriageReturnsAsLineBreaks() {
        String text = "// head\r\npermit(principal, action, resource)\r\nwhen { true }; // tail\r\n// end\r\n";
        assertThat(format(text)).isEqualTo("// head\npermit (principal, action, resource)\nwhen { true }; // tail\n// end\n");
    }

    @Test
    void formatBreaksLongConditionsAsTheReferenceDoes() {
        String text = "forbid(principal, action, resource) when { principal.hungry_level < 0 || "
                + "resource.min_hungry_level < 0 || principal.hungry_level + resource.min_hungry_level >= 100 };";
        assertThat(format(text)).isEqualTo("""
                forbid (principal, action, resource)
                when
                {
                  principal.hungry_level < 0 ||
                  resource.min_hungry_level < 0 ||
                  principal.hungry_level + resource.min_hungry_level >= 100
                };
                """);
    }

    @Test
    void formatHonoursTheLineWidthAndIndentation() {
        String text = "permit(principal, action, resource) when { context.first && context.second };";
        assertThat(PolicyFormatter.format(text, 200, 2)).isEqualTo(
                "permit (principal, action, resource)\nwhen { context.first && context.second };\n");
        assertThat(PolicyFormatter.format(text, 20, 3)).isEqualTo("""
                permit (principal, action, resource)
                when
                {
                   context.first &&
                   context.second
                };
                """);
    }

    @Test
    void formatIsIdempotentOnItsOwnOutput() {
        String text = "@a(\"x\") // a\npermit(principal in ?principal, action, resource) // b\n"
                + "when { if context.x then [1, // c\n 2] else { a: // d\n 1 }.a == 1 };";
        String once = format(text);
        assertThat(format(once)).isEqualTo(once);
        assertThat(CedarText.comments(once)).containsExactly("// a", "// b", "// c", "// d");
    }

    @Test
    void formatHandlesTheDeepestInputTheParserAccepts() {
        String parens = "permit(principal, action, resource) when { " + "(".repeat(199) + "1" + ")".repeat(199) + " == 1 };";
        assertThat(format(parens)).contains("(".repeat(199) + "1" + ")".repeat(199) + " == 1");

        String ifs = "permit(principal, action, resource) when { " + "if true then 1 else ".repeat(480) + "2 == 2 };";
        assertThat(PolicySet.parse(format(ifs))).isEqualTo(PolicySet.parse(ifs));

        String records = "permit(principal, action, resource) when { " + "{a: ".repeat(190) + "1" + "}".repeat(190) + " == 1 };";
        assertThat(PolicySet.parse(format(records))).isEqualTo(PolicySet.parse(records));

        String members = "permit(principal, action, resource) when { context" + ".a".repeat(490) + " };";
        assertThat(PolicySet.parse(format(members))).isEqualTo(PolicySet.parse(members));
    }

    @Test
    void formatGivesAParseExceptionForTooDeepInput() {
        String parens = "permit(principal, action, resource) when { " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " };";
        assertThatThrownBy(() -> format(parens)).isInstanceOf(ParseException.class).hasMessageContaining("nested too deeply");
        String ands = "permit(principal, action, resource) when { " + "true && ".repeat(100_000) + "true };";
        assertThatThrownBy(() -> format(ands)).isInstanceOf(ParseException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void formatHandlesLongInput() {
        String set = "permit(principal, action, resource) when { ["
                + IntStream.range(0, 50_000).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "].contains(1) };";
        String formatted = format(set);
        assertThat(formatted.lines()).hasSizeGreaterThan(50_000);
        assertThat(PolicySet.parse(formatted)).isEqualTo(PolicySet.parse(set));

        String policies = IntStream.range(0, 2_000)
                .mapToObj(i -> "permit(principal == User::\"u" + i + "\", action, resource); // " + i)
                .collect(Collectors.joining("\n"));
        formatted = format(policies);
        assertThat(formatted.split("\n\n")).hasSize(2_000);
        assertThat(CedarText.comments(formatted)).hasSize(2_000);
    }
}
