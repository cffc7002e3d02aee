package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to the policy parser ends quickly in a clean error (the build runs this class with a
 * 256 MiB heap: see docs/limits.md).
 */
class ParserLimitsTest {

    @Test
    void integerLiteralOfTwoMillionDigitsIsTooLargeAndQuotedShort() {
        String digits = "9".repeat(2_000_000);
        ParseException e = PolicyParserErrorTest.conditionError(digits + " == 1");

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.message()).isEqualTo("integer literal `" + "9".repeat(40)
                    + "... (2000000 characters)` is too large");
        });
        assertThat(e.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void integerLiteralWithManyLeadingZerosIsItsValue() {
        String zeros = "0".repeat(1_000_000);
        PolicySet set = PolicySet.parse(String.format(
                "permit(principal, action, resource) when { %s9223372036854775807 == -%s9223372036854775808 + -1 };",
                zeros, zeros));

        assertThat(set.policies()).hasSize(1);
    }

    @Test
    void aMillionOperandConjunctionIsRefusedBeforeItIsParsed() {
        String chain = "true" + " && true".repeat(999_999);
        ParseException e = PolicyParserErrorTest.conditionError(chain);

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.message()).isEqualTo("the expression is nested too deeply");
            assertThat(err.help()).startsWith("at most 500 levels of nested operations are supported");
        });
    }

    @Test
    void longChainsOfEachOperatorAreRefusedAndShortOnesParse() {
        for (String op : new String[] {" || ", " && ", " + ", " - ", " * "}) {
            String operand = op.equals(" || ") || op.equals(" && ") ? "true" : "1";
            String longChain = operand + (op + operand).repeat(100_000);
            assertThat(PolicyParserErrorTest.conditionError(longChain).errors()).singleElement()
                    .satisfies(err -> assertThat(err.message()).isEqualTo("the expression is nested too deeply"));
            // within the limit: many chains side by side, and subtraction of negative numbers
            String shortChain = operand + (op + operand).repeat(400);
            PolicySet.parse(String.format("permit(principal, action, resource) when { [%s, %s] == [%s] };",
                    shortChain, shortChain, shortChain));
        }
        PolicySet.parse("permit(principal, action, resource) when { 1" + " - -1".repeat(450) + " == 0 };");
        assertThat(PolicyParserErrorTest.conditionError("context" + ".a".repeat(100_000)).errors())
                .singleElement().satisfies(err -> assertThat(err.message()).isEqualTo("the expression is nested too deeply"));
    }

    @Test
    void thirtyThousandOrdinaryPoliciesParseOneAtATime() {
        // 4.4 MB of text: parsed as one tree it needed about 160 bytes of heap per byte, more than this run has
        int n = 30_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("permit(principal == User::\"u").append(i)
                    .append("\", action == Action::\"view\", resource in Folder::\"f").append(i % 97)
                    .append("\") when { resource.owner == principal && context.level > 3 };\n");
        }
        PolicySet set = PolicySet.parse(text.toString());

        assertThat(set.policies()).hasSize(n);
        assertThat(set.policy(PolicyId.of("policy" + (n - 1)))).isNotNull();
    }
}
