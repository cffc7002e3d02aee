package io.cedarwood.engine.parser;

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
}
