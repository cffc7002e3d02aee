package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError.Kind;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How the validator types policies: capabilities, short-circuiting, hierarchies, modes, templates. */
class ValidatorSemanticsTest {
    private static final Schema SCHEMA = ValidatorErrorKindsTest.SCHEMA;
    private static final Validator VALIDATOR = new Validator(SCHEMA);

    private static ValidationResult check(String policies, ValidationMode mode) {
        return VALIDATOR.validate(PolicySet.parse(policies), mode);
    }

    /** A `when` condition for the `view` action (principal User, resource Doc). */
    private static ValidationResult view(String condition, ValidationMode mode) {
        return check("permit(principal, action == Action::\"view\", resource) when { " + condition + " };", mode);
    }

    private static void passesInBothModes(String condition) {
        assertThat(view(condition, ValidationMode.STRICT).errors()).as("strict errors of %s", condition).isEmpty();
        assertThat(view(condition, ValidationMode.PERMISSIVE).errors()).as("permissive errors of %s", condition).isEmpty();
    }

    private static void failsInBothModes(String condition, Kind kind) {
        assertThat(view(condition, ValidationMode.STRICT).errors()).as("strict errors of %s", condition)
                .extracting(ValidationError::kind).contains(kind);
        assertThat(view(condition, ValidationMode.PERMISSIVE).errors()).as("permissive errors of %s", condition)
                .extracting(ValidationError::kind).contains(kind);
    }

    private static void failsStrictPassesPermissive(String condition, Kind kind) {
        assertThat(view(condition, ValidationMode.STRICT).errors()).as("strict errors of %s", condition)
                .extracting(ValidationError::kind).contains(kind);
        assertThat(view(condition, ValidationMode.PERMISSIVE).errors()).as("permissive errors of %s", condition).isEmpty();
    }

    private static boolean impossible(ValidationResult result) {
        return result.warnings().stream().anyMatch(w -> w.kind() == ValidationWarning.Kind.IMPOSSIBLE_POLICY);
    }

    @Test
    void validateWhenOptionalAttributeGuardedByHasThroughAndOrIfThenPasses() {
        passesInBothModes("principal has age && principal.age > 3");
        passesInBothModes("if principal has age then principal.age > 3 else false");
        passesInBothModes("(principal has age && principal.age > 3) || principal.name == \"root\"");
        passesInBothModes("principal has manager && principal.manager has age && principal.manager.age > 3");
        passesInBothModes("context has ip && context.ip.isLoopback()");
    }

    @Test
    void validateWhenGuardDoesNotCoverTheReadThenUnsafeOptionalAccess() {
        failsInBothModes("principal has age || principal.age > 3", Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        failsInBothModes("if principal has age then true else principal.age > 3", Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        failsInBothModes("(principal has age || principal.name == \"x\") && principal.age > 3",
                Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        failsInBothModes("principal has manager && principal.manager.age > 3", Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        failsInBothModes("resource.owner has age && principal.age > 3", Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
        // only what is known when an expression is true is tracked: a negated test guards nothing
        failsInBothModes("!(principal has age) || principal.age > 3", Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
    }

    @Test
    void validateWhenBothSidesOfOrHaveTheGuardThenReadIsSafe() {
        passesInBothModes("(principal has age || principal has age) && principal.age > 3");
        passesInBothModes("(if context.flag then principal has age else principal has age) && principal.age > 3");
    }

    @Test
    void validateWhenBranchIsNeverTakenThenItIsNotChecked() {
        // `false && e`, `true || e` and a decided `if` short-circuit: the other operand is not typechecked
        passesInBothModes("false && principal.bogus");
        passesInBothModes("true || 1 + \"a\" == 2");
        passesInBothModes("if action == Action::\"view\" then true else 1 == \"a\"");
        passesInBothModes("principal is Doc && principal.level > 1 || true");
        passesInBothModes("1 == 2 && principal.bogus");
    }

    @Test
    void validateWhenConditionIsNotBooleanThenUnexpectedType() {
        ValidationResult result = view("1", ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::message)
                .containsExactly("unexpected type: expected Bool but saw Long");
    }

    @Test
    void validateWhenSetElementsOrBranchesDifferThenIncompatibleTypes() {
        failsInBothModes("[1, \"a\"].contains(1)", Kind.INCOMPATIBLE_TYPES);
        failsInBothModes("(if context.flag then 1 else \"a\") == 1", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("[principal, resource].contains(principal)", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("[{a: 1}, {a: 2, b: 3}].isEmpty()", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("(if context.flag then principal else resource) is User", Kind.INCOMPATIBLE_TYPES);
        passesInBothModes("[true, false].contains(context.flag)");
        passesInBothModes("[[1], [2, 3]].contains([4])");
    }

    @Test
    void validateWhenOperandsOfContainsDifferThenIncompatibleInStrictModeOnly() {
        failsStrictPassesPermissive("[1].contains(\"a\")", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("[principal].containsAny([1])", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("resource.labels.containsAll([1, 2])", Kind.INCOMPATIBLE_TYPES);
        passesInBothModes("principal.friends.contains(User::\"alice\")");
        passesInBothModes("resource.labels.containsAny([\"a\", \"b\"])");
    }

    @Test
    void validateWhenUnionHasNoCommonAttributeThenUnsafeAccessInPermissiveMode() {
        ValidationResult result = view("(if context.flag then principal else resource.owner).name == \"a\"",
                ValidationMode.PERMISSIVE);
        assertThat(result.errors()).isEmpty();
        result = view("(if context.flag then principal else resource).name == \"a\"", ValidationMode.PERMISSIVE);
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.UNSAFE_ATTRIBUTE_ACCESS);
        assertThat(result.errors().get(0).message()).isEqualTo("attribute `name` on entity types `Doc`, `User` not found");
    }

    @Test
    void validateWhenEqualityOfDifferentEntityTypesThenFalseNotAnError() {
        ValidationResult result = view("principal == resource", ValidationMode.STRICT);
        assertThat(result.errors()).isEmpty();
        assertThat(impossible(result)).isTrue();
        assertThat(impossible(view("principal == User::\"alice\"", ValidationMode.STRICT))).isFalse();
    }

    @Test
    void validateWhenMembershipImpossibleInHierarchyThenPolicyIsImpossible() {
        assertThat(impossible(view("principal in resource", ValidationMode.STRICT))).isTrue();
        assertThat(impossible(view("principal in Group::\"g\"", ValidationMode.STRICT))).isFalse();
        assertThat(impossible(view("principal in [Group::\"g\", User::\"u\"]", ValidationMode.STRICT))).isFalse();
        assertThat(impossible(view("resource in principal.friends", ValidationMode.STRICT))).isTrue();
        ValidationResult result = check("permit(principal in Doc::\"d\", action == Action::\"view\", resource);",
                ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.INVALID_ACTION_APPLICATION);
    }

    @Test
    void validateWhenActionInGroupThenDecidedPerAction() {
        ValidationResult result = check("permit(principal, action in Action::\"manage\", resource);",
                ValidationMode.STRICT);
        assertThat(result.errors()).isEmpty();
        assertThat(impossible(result)).isFalse();
        result = check("permit(principal, action == Action::\"view\", resource) when { action in Action::\"manage\" };",
                ValidationMode.STRICT);
        assertThat(result.errors()).isEmpty();
        assertThat(impossible(result)).isTrue();
        result = check("permit(principal, action in [Action::\"view\", Action::\"edit\"], resource) when "
                + "{ action in [Action::\"manage\"] && resource is Account && resource.hasTag(\"t\") "
                + "&& resource.getTag(\"t\") > 1 };", ValidationMode.STRICT);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void validateWhenActionHasAttributeTestThenFalseAndReadIsAnError() {
        assertThat(impossible(view("action has foo", ValidationMode.STRICT))).isTrue();
        ValidationResult result = view("action.foo == 1", ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::message)
                .containsExactly("attribute `foo` on entity type `Action` not found");
    }

    @Test
    void validateWhenTagsGuardedThenPassesAndTypeIsTheDeclaredOne() {
        passesInBothModes("principal.hasTag(\"t\") && principal.getTag(\"t\") like \"a*\"");
        passesInBothModes("principal.hasTag(resource.owner.name) && principal.getTag(resource.owner.name) == \"x\"");
        failsInBothModes("principal.hasTag(\"t\") && principal.getTag(\"t\") > 1", Kind.UNEXPECTED_TYPE);
        failsInBothModes("principal.hasTag(\"t\") && principal.getTag(\"u\") == \"x\"", Kind.UNSAFE_TAG_ACCESS);
        // entities without tags: `hasTag` is false, so what follows is never checked
        assertThat(impossible(view("resource.hasTag(\"t\") && resource.getTag(\"t\") == 1", ValidationMode.STRICT)))
                .isTrue();
    }

    @Test
    void validateWhenExtensionFunctionsAndComparisonsThenTypesChecked() {
        passesInBothModes("ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\"))");
        passesInBothModes("decimal(\"1.5\").lessThanOrEqual(decimal(\"2.25\"))");
        passesInBothModes("resource.created < datetime(\"2024-01-01\")");
        passesInBothModes("context.limit >= duration(\"1h\") && context.limit.toMinutes() > 5");
        passesInBothModes("resource.created.offset(duration(\"1d\")) > datetime(\"2024-01-01T00:00:00Z\")");
        passesInBothModes("resource.created.durationSince(datetime(\"2024-01-01\")) < context.limit");
        failsInBothModes("resource.created < context.limit", Kind.UNEXPECTED_TYPE);
        failsInBothModes("decimal(\"1.5\") < decimal(\"2.5\")", Kind.UNEXPECTED_TYPE);
        failsInBothModes("ip(\"10.0.0.1\").lessThan(decimal(\"1.0\"))", Kind.UNEXPECTED_TYPE);
        failsInBothModes("datetime(\"yesterday\") < resource.created", Kind.FUNCTION_ARGUMENT_VALIDATION);
        failsInBothModes("\"a\" like \"*\" && principal.name.isEmpty()", Kind.UNEXPECTED_TYPE);
    }

    @Test
    void validateWhenComparingDifferentTypesThenMessagesNameTheExpectedType() {
        ValidationResult result = view("1 < \"a\"", ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::message)
                .containsExactly("unexpected type: expected Long but saw String");
        result = view("\"a\" < \"b\"", ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::message).containsExactly(
                "unexpected type: expected datetime, or duration, or Long but saw String",
                "unexpected type: expected datetime, or duration, or Long but saw String");
    }

    @Test
    void validateWhenRecordLiteralsThenAttributesKnown() {
        passesInBothModes("{a: 1, b: \"x\"}.a > 0 && {a: 1} has a");
        assertThat(impossible(view("{a: 1} has b", ValidationMode.STRICT))).isTrue();
        failsInBothModes("{a: 1}.b == 1", Kind.UNSAFE_ATTRIBUTE_ACCESS);
    }

    @Test
    void validateWhenAndOrOfBoolLiteralsThenTheyCompareAsLiteralsLikeTheReference() {
        // the reference's AST builder folds `false && true` into `false`, and `==` of two literals of
        // different types is no strict-mode error (found by the differential tests)
        passesInBothModes("0 == (false && true)");
        passesInBothModes("(true || false) == \"a\"");
        passesInBothModes("0 == ((true && false) || true)");
        assertThat(impossible(view("0 == (false && true)", ValidationMode.STRICT))).isTrue();
        // only `&&` and `||` of two boolean literals fold
        failsStrictPassesPermissive("0 == !true", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("0 == (if true then true else false)", Kind.INCOMPATIBLE_TYPES);
        failsStrictPassesPermissive("0 == (false && principal.name == \"a\")", Kind.INCOMPATIBLE_TYPES);
    }

    @Test
    void validateWhenNotEqualOrGreaterThenDesugaredLikeTheReference() {
        passesInBothModes("principal.name != \"a\" && resource.level > 1 && resource.level >= 2");
        failsStrictPassesPermissive("principal.name != 1", Kind.INCOMPATIBLE_TYPES);
        assertThat(impossible(view("User::\"a\" != User::\"a\"", ValidationMode.STRICT))).isTrue();
    }

    @Test
    void validateWhenTemplateSlotsThenTypecheckedForEveryPossibleLink() {
        assertThat(check("permit(principal == ?principal, action, resource in ?resource);", ValidationMode.STRICT)
                .errors()).isEmpty();
        ValidationResult result = check("permit(principal in ?principal, action == Action::\"view\", resource) when "
                + "{ principal has age && principal.age > 1 };", ValidationMode.STRICT);
        assertThat(result.errors()).isEmpty();
        result = check("permit(principal == ?principal, action == Action::\"view\", resource) when "
                + "{ principal.bogus };", ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.UNSAFE_ATTRIBUTE_ACCESS);
    }

    @Test
    void validateWhenLinkedThenLinkIsCheckedForItsScope() {
        PolicySet set = PolicySet.parse("permit(principal in ?principal, action == Action::\"view\", resource);");
        set = set.link(PolicyId.of("policy0"), PolicyId.of("ok"), Map.of(SlotId.PRINCIPAL, EntityUid.of("Group", "g")));
        set = set.link(PolicyId.of("policy0"), PolicyId.of("bad"), Map.of(SlotId.PRINCIPAL, EntityUid.of("Doc", "d")));
        ValidationResult result = VALIDATOR.validate(set);
        assertThat(result.passed(PolicyId.of("policy0"))).isTrue();
        assertThat(result.passed(PolicyId.of("ok"))).isTrue();
        assertThat(result.errors()).extracting(ValidationError::policyId, ValidationError::kind)
                .containsExactly(tuple(PolicyId.of("bad"), Kind.INVALID_ACTION_APPLICATION));
    }

    @Test
    void validateWhenScopeUsesIsAndIsInThenChecked() {
        assertThat(check("permit(principal is User in Group::\"g\", action, resource is Doc);", ValidationMode.STRICT)
                .errors()).isEmpty();
        assertThat(check("permit(principal is Group in Group::\"g\", action, resource);", ValidationMode.STRICT)
                .errors()).extracting(ValidationError::kind).containsExactly(Kind.INVALID_ACTION_APPLICATION);
        assertThat(check("permit(principal is User in ?principal, action, resource);", ValidationMode.STRICT)
                .errors()).isEmpty();
    }

    @Test
    void validateWhenManyPoliciesThenErrorsArePerPolicy() {
        ValidationResult result = check("""
                permit(principal, action, resource);
                forbid(principal, action, resource) when { principal.bogus };
                """, ValidationMode.STRICT);
        assertThat(result.passed(PolicyId.of("policy0"))).isTrue();
        assertThat(result.passed(PolicyId.of("policy1"))).isFalse();
        assertThat(result.errors()).allMatch(e -> e.policyId().equals(PolicyId.of("policy1")));
    }

    @Test
    void validateWhenEmptySchemaThenEveryPolicyIsImpossibleButValid() {
        Validator empty = new Validator(Schema.parseCedarSchema(""));
        ValidationResult result = empty.validate(PolicySet.parse("permit(principal, action, resource);"));
        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.INVALID_ACTION_APPLICATION);
        assertThat(impossible(result)).isTrue();
    }

    @Test
    void validateWhenNamespacedSchemaThenQualifiedNamesResolve() {
        Validator v = new Validator(Schema.parseCedarSchema("""
                namespace App {
                  entity User = { dept: String };
                  entity Doc;
                  action read appliesTo { principal: User, resource: Doc, context: { n: Long } };
                }
                """));
        assertThat(v.validate(PolicySet.parse("permit(principal is App::User, action == App::Action::\"read\", "
                + "resource) when { principal.dept == \"x\" && context.n > 1 };")).errors()).isEmpty();
        assertThat(v.validate(PolicySet.parse("permit(principal, action == Action::\"read\", resource);")).errors())
                .extracting(ValidationError::kind)
                .containsExactly(Kind.UNRECOGNIZED_ACTION_ID, Kind.INVALID_ACTION_APPLICATION);
        assertThat(v.validate(PolicySet.parse("permit(principal, action, resource) when { "
                + "action == App::Action::\"write\" };")).errors()).extracting(ValidationError::kind)
                .containsExactly(Kind.UNRECOGNIZED_ACTION_ID);
    }

    // the singleton types and capabilities of `&&`, `||` and `!=`, one case per rule (found by mutation testing)

    @Test
    void singletonTypesDecideWhetherAPolicyIsImpossible() {
        assertThat(impossible(view("principal.name == \"a\" && false", ValidationMode.STRICT))).isTrue();
        assertThat(impossible(check("permit(principal, action == Action::\"view\", resource)"
                + " unless { principal.name == \"a\" || true };", ValidationMode.STRICT))).isTrue();
        assertThat(impossible(check("permit(principal, action == Action::\"view\", resource)"
                + " unless { Doc::\"d\" != Doc::\"e\" };", ValidationMode.STRICT))).isTrue();
        assertThat(impossible(view("principal.name == \"a\" || false", ValidationMode.STRICT))).isFalse();
        // `false || true` is the literal `true` (the reference folds it), so `0 == (false || true)` compares
        // two literals: no strict error, and a false condition
        ValidationResult folded = view("0 == (false || true)", ValidationMode.STRICT);
        assertThat(folded.errors()).isEmpty();
        assertThat(impossible(folded)).isTrue();
        failsStrictPassesPermissive("0 == (principal.name == \"a\" || true)", Kind.INCOMPATIBLE_TYPES);
    }

    @Test
    void capabilitiesFlowOutOfOrWhenOneSideIsSurelyFalse() {
        passesInBothModes("(principal has age || false) && principal.age > 1");
        passesInBothModes("(Doc::\"d\" == Doc::\"e\" || principal has age) && principal.age > 1");
        failsInBothModes("(principal has age || principal.name == \"a\") && principal.age > 1",
                Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS);
    }

    @Test
    void aNotEqualThatTypechecksIsCheckedForLevels() {
        ValidationResult r = VALIDATOR.validate(PolicySet.parse("permit(principal, action == Action::\"view\", resource)"
                + " when { principal has manager && principal.manager.name != \"x\" };"), ValidationMode.STRICT, 1);
        assertThat(r.errors()).extracting(ValidationError::kind).containsExactly(Kind.ENTITY_DEREF_LEVEL_VIOLATION);
    }
}
