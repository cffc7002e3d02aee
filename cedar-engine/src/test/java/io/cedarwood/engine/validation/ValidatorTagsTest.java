package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entity tags: `hasTag` guards, tag types, entities and actions without tags, unions in permissive mode. */
class ValidatorTagsTest {
    private static final Validator VALIDATOR = new Validator(Schema.parseCedarSchema("""
            entity Team tags String;
            entity Folder { title: String, note?: String } tags Set<String>;
            entity Plain;
            action share appliesTo { principal: [Team], resource: [Folder], context: { flag: Bool } };
            action reverse appliesTo { principal: [Folder], resource: [Team], context: { flag: Bool } };
            action both appliesTo { principal: [Team, Folder], resource: [Team, Folder], context: { flag: Bool } };
            action plain appliesTo { principal: [Team], resource: [Plain], context: { flag: Bool } };
            """));

    private static ValidationResult check(String action, String condition, ValidationMode mode) {
        return VALIDATOR.validate(PolicySet.parse("permit(principal, action in [" + action + "], resource) when { "
                + condition + " };"), mode);
    }

    private static ValidationResult strict(String action, String condition) {
        return check(action, condition, ValidationMode.STRICT);
    }

    @Test
    void validateWhenTagReadAfterHasTagWithConstantOrComputedKeyThenPasses() {
        assertThat(strict("Action::\"share\"", "principal.hasTag(\"k\") && principal.getTag(\"k\") == \"v\"").errors())
                .isEmpty();
        assertThat(strict("Action::\"share\"",
                "principal.hasTag(resource.title) && principal.getTag(resource.title) == \"v\"").errors()).isEmpty();
        assertThat(strict("Action::\"share\"", "principal.hasTag(\"k\") && (principal.hasTag(\"k\") || "
                + "principal.getTag(\"other\") == \"v\")").errors()).isEmpty();
    }

    @Test
    void validateWhenTagTypeDiffersPerEnvironmentThenErrorInTheOneWhereItIsWrong() {
        ValidationResult result = strict("Action::\"both\"", "principal.hasTag(\"k\") && principal.getTag(\"k\") == \"v\"");
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.INCOMPATIBLE_TYPES);
        result = strict("Action::\"share\", Action::\"reverse\"",
                "principal.hasTag(\"k\") && principal.getTag(\"k\") == \"v\"");
        assertThat(result.errors()).extracting(ValidationError::message)
                .containsExactly("the types String and Set<String> are not compatible");
    }

    @Test
    void validateWhenEntityHasNoTagsThenHasTagIsFalseAndGetTagIsAnError() {
        ValidationResult result = strict("Action::\"plain\"", "resource.hasTag(\"k\")");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(ValidationWarning::kind)
                .containsExactly(ValidationWarning.Kind.IMPOSSIBLE_POLICY);
        assertThat(strict("Action::\"plain\"", "resource.getTag(\"k\") == \"v\"").errors())
                .extracting(ValidationError::kind).containsExactly(Kind.UNSAFE_TAG_ACCESS);
        assertThat(strict("Action::\"plain\"", "resource.hasTag(\"k\") && resource.getTag(\"k\") == \"v\"").errors())
                .isEmpty();
    }

    @Test
    void validateWhenAttributeAndTagShareANameThenTheirGuardsAreSeparate() {
        assertThat(strict("Action::\"share\"", "resource has note && resource.getTag(\"note\").contains(\"x\")").errors())
                .extracting(ValidationError::kind).containsExactly(Kind.UNSAFE_TAG_ACCESS);
        assertThat(strict("Action::\"share\"", "resource.hasTag(\"note\") && resource.note == \"x\"").errors())
                .extracting(ValidationError::kind).containsExactly(Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        assertThat(strict("Action::\"share\"", "resource.hasTag(\"note\") && resource has note "
                + "&& resource.getTag(\"note\").contains(\"x\") && resource.note == \"x\"").errors()).isEmpty();
    }

    @Test
    void validateWhenTagsOnActionsThenHasTagFalseAndGetTagUnsafe() {
        ValidationResult result = strict("Action::\"share\"", "action.hasTag(\"k\")");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isNotEmpty();
        assertThat(strict("Action::\"share\"", "action.getTag(\"k\") == \"v\"").errors())
                .extracting(ValidationError::message)
                .containsExactly("unable to guarantee safety of access to tag `\"k\"` on entity type `Action`");
    }

    @Test
    void validateWhenUnionWithOneTagTypeThenPermissivePassesAndStrictFails() {
        String condition = "(if context.flag then principal else Plain::\"p\").hasTag(\"k\") && "
                + "(if context.flag then principal else Plain::\"p\").getTag(\"k\") == \"v\"";
        assertThat(check("Action::\"share\"", condition, ValidationMode.PERMISSIVE).errors()).isEmpty();
        assertThat(strict("Action::\"share\"", condition).errors()).hasSize(2)
                .extracting(ValidationError::kind).containsOnly(Kind.INCOMPATIBLE_TYPES);
    }

    @Test
    void validateWhenUnionWithTwoTagTypesThenFailsEvenInPermissiveMode() {
        String condition = "(if context.flag then principal else resource).hasTag(\"k\") && "
                + "(if context.flag then principal else resource).getTag(\"k\") == \"v\"";
        assertThat(check("Action::\"share\"", condition, ValidationMode.PERMISSIVE).errors())
                .extracting(ValidationError::kind).containsExactly(Kind.INCOMPATIBLE_TYPES);
    }
}
