package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.validation.ValidationWarning.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One small policy per kind of validation warning; warnings never make validation fail. */
class ValidatorWarningsTest {
    private static final Validator VALIDATOR = new Validator(ValidatorErrorKindsTest.SCHEMA);

    /** The only warning of the policy, which validates: its kind and the source text it points at. */
    private static ValidationWarning onlyWarning(String policy, Kind kind, String at) {
        ValidationResult result = VALIDATOR.validate(PolicySet.parse(policy));
        assertThat(result.errors()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.warnings()).as("warnings of %s", policy).hasSize(1);
        ValidationWarning w = result.warnings().get(0);
        assertThat(w.kind()).isEqualTo(kind);
        assertThat(w.policyId()).isEqualTo(PolicyId.of("policy0"));
        assertThat(policy.substring(w.span().start(), w.span().end())).isEqualTo(at);
        return w;
    }

    @Test
    void validateWhenPolicyFalseForEveryRequestThenImpossiblePolicy() {
        String policy = "permit(principal, action, resource) when { principal is Doc };";
        ValidationWarning w = onlyWarning(policy, Kind.IMPOSSIBLE_POLICY,
                "principal, action, resource) when { principal is Doc }");
        assertThat(w.message()).isEqualTo(
                "policy is impossible: the policy expression evaluates to false for all valid requests");
        assertThat(w).hasToString("for policy `policy0`, " + w.message());
    }

    @Test
    void validateWhenNotEqualIsFalseForEveryRequestThenImpossiblePolicyAsForItsNegatedEquality() {
        // `a != b` is typed as `!(a == b)`: the singleton type of `==` (here True: two equal literals) negated
        onlyWarning("permit(principal, action, resource) when { Doc::\"d\" != Doc::\"d\" };", Kind.IMPOSSIBLE_POLICY,
                "principal, action, resource) when { Doc::\"d\" != Doc::\"d\" }");
        onlyWarning("permit(principal, action, resource) unless { principal != principal || true };",
                Kind.IMPOSSIBLE_POLICY, "principal, action, resource) unless { principal != principal || true }");
        ValidationResult possible = VALIDATOR.validate(PolicySet.parse(
                "permit(principal, action, resource) when { Doc::\"d\" != Doc::\"e\" && principal != resource };"));
        assertThat(possible.passed()).isTrue();
        assertThat(possible.warnings()).isEmpty();
    }

    @Test
    void validateWhenStringMixesScriptsThenMixedScriptString() {
        ValidationWarning w = onlyWarning("permit(principal, action, resource) when { principal.name == \"say_һello\" };",
                Kind.MIXED_SCRIPT_STRING, "\"say_һello\"");
        assertThat(w.message()).isEqualTo("string `\"say_һello\"` contains mixed scripts");
    }

    @Test
    void validateWhenStringHasBidiControlThenBidiCharsInString() {
        ValidationWarning w = onlyWarning("permit(principal, action, resource) when { principal.name == \"a\u202Eb\" };",
                Kind.BIDI_CHARS_IN_STRING, "\"a\u202Eb\"");
        assertThat(w.message()).isEqualTo("string `\"a\\u{202e}b\"` contains BIDI control characters");
    }

    @Test
    void validateWhenLikePatternMixesScriptsThenMixedScriptString() {
        onlyWarning("permit(principal, action, resource) when { principal.name like \"*раypal\" };",
                Kind.MIXED_SCRIPT_STRING, "principal.name like \"*раypal\"");
    }

    @Test
    void validateWhenLikePatternHasBidiControlThenNoWarningAsTheReferenceEscapesPatterns() {
        ValidationResult result = VALIDATOR.validate(PolicySet.parse(
                "permit(principal, action, resource) when { principal.name like \"*\u2066\" };"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void validateWhenIdentifierMixesScriptsThenMixedScriptIdentifier() {
        ValidationWarning w = onlyWarning("permit(principal, action, resource) when { principal == User::\"аlice\" };",
                Kind.MIXED_SCRIPT_IDENTIFIER, "User::\"аlice\"");
        assertThat(w.message()).isEqualTo("identifier `аlice` contains mixed scripts");
    }

    @Test
    void validateWhenIdentifierHasBidiControlThenBidiCharsInIdentifier() {
        onlyWarning("permit(principal, action, resource) when { context has \"a\u202Bb\" || true };",
                Kind.BIDI_CHARS_IN_IDENTIFIER, "context has \"a\u202Bb\"");
    }

    @Test
    void validateWhenIdentifierHasInvisibleCharacterThenConfusableIdentifier() {
        ValidationWarning w = onlyWarning("permit(principal, action, resource) when { principal == User::\"a\\tb\" };",
                Kind.CONFUSABLE_IDENTIFIER, "User::\"a\\tb\"");
        assertThat(w.message()).isEqualTo("identifier `a\\tb` contains the character `\\t` which is not a printable "
                + "ASCII character and falls outside of the General Security Profile for Identifiers");
    }

    @Test
    void validateWhenTextIsPlainThenNoWarnings() {
        ValidationResult result = VALIDATOR.validate(PolicySet.parse(
                "permit(principal == User::\"josé\", action, resource) when { principal.name like \"日本語ひらがな*\" };"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void isSingleScriptWhenJapaneseOrKoreanThenCombinedScriptsCount() {
        assertThat(StringChecks.isSingleScript("漢字かなカナ")).isTrue();
        assertThat(StringChecks.isSingleScript("한국어漢字")).isTrue();
        assertThat(StringChecks.isSingleScript("かな한국어")).isFalse();
        assertThat(StringChecks.isSingleScript("abc 123 !?")).isTrue();
        assertThat(StringChecks.isSingleScript("pаypal")).isFalse();
    }
}
