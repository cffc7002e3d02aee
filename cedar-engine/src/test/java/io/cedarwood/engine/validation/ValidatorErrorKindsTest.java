package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError.Kind;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One small policy per kind of validation error: the kind, where it points, and the message. */
class ValidatorErrorKindsTest {
    static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Group;
            entity User in [Group] = { name: String, age?: Long, manager?: User, friends: Set<User> } tags String;
            entity Doc = { owner: User, level: Long, created: datetime, labels: Set<String> };
            entity Account tags Long;
            entity Color enum ["red", "green"];
            action view appliesTo {
              principal: [User], resource: [Doc], context: { ip?: ipaddr, flag: Bool, limit: duration }
            };
            action manage;
            action edit in [manage] appliesTo { principal: [User], resource: [Doc, Account] };
            """);

    static ValidationResult validate(String policies, ValidationMode mode) {
        return new Validator(SCHEMA).validate(PolicySet.parse(policies), mode);
    }

    /** The only error of the policy in strict mode: its kind and the source text it points at. */
    static ValidationError onlyError(String policy, Kind kind, String at) {
        ValidationResult result = validate(policy, ValidationMode.STRICT);
        assertThat(result.errors()).as("errors of %s", policy).hasSize(1);
        ValidationError e = result.errors().get(0);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.policyId()).isEqualTo(PolicyId.of("policy0"));
        assertThat(e.span()).as("span of %s", e).isNotNull();
        assertThat(policy.substring(e.span().start(), e.span().end())).isEqualTo(at);
        assertThat(result.passed()).isFalse();
        return e;
    }

    @Test
    void validateWhenScopeNamesUndeclaredEntityTypeThenUnrecognizedEntityType() {
        String policy = "permit(principal == Usr::\"alice\", action, resource);";
        ValidationResult result = validate(policy, ValidationMode.STRICT);
        // and no action applies to principals of that type, as in the reference
        assertThat(result.errors()).extracting(ValidationError::kind)
                .containsExactly(Kind.UNRECOGNIZED_ENTITY_TYPE, Kind.INVALID_ACTION_APPLICATION);
        ValidationError e = result.errors().get(0);
        assertThat(policy.substring(e.span().start(), e.span().end())).isEqualTo("principal == Usr::\"alice\"");
        assertThat(e.message()).isEqualTo("unrecognized entity type `Usr`");
        assertThat(e.help()).isEqualTo("did you mean `User`?");
        assertThat(e).hasToString("for policy `policy0`, unrecognized entity type `Usr`");
    }

    @Test
    void validateWhenIsTestNamesUndeclaredEntityTypeThenUnrecognizedEntityType() {
        String policy = "permit(principal, action, resource) when { resource is Dok };";
        // the `is` is false in every environment, which is no error
        onlyError(policy, Kind.UNRECOGNIZED_ENTITY_TYPE, "resource is Dok");
    }

    @Test
    void validateWhenActionUndeclaredThenUnrecognizedActionWithSuggestion() {
        String policy = "permit(principal, action == Action::\"veiw\", resource);";
        // no action applies either, as in the reference
        ValidationResult result = validate(policy, ValidationMode.STRICT);
        assertThat(result.errors()).extracting(ValidationError::kind)
                .containsExactly(Kind.UNRECOGNIZED_ACTION_ID, Kind.INVALID_ACTION_APPLICATION);
        ValidationError e = result.errors().get(0);
        assertThat(e.message()).isEqualTo("unrecognized action `Action::\"veiw\"`");
        assertThat(e.help()).isEqualTo("did you mean `Action::\"view\"`?");
        assertThat(policy.substring(e.span().start(), e.span().end())).isEqualTo("action == Action::\"veiw\"");
    }

    @Test
    void validateWhenNoActionAppliesToScopeTypesThenInvalidActionApplication() {
        String policy = "permit(principal, action == Action::\"view\", resource is Account);";
        ValidationError e = onlyError(policy, Kind.INVALID_ACTION_APPLICATION,
                "principal, action == Action::\"view\", resource is Account");
        assertThat(e.message()).isEqualTo("unable to find an applicable action given the policy scope constraints");
    }

    @Test
    void validateWhenEqualityScopeNeedsInThenHelpSaysSo() {
        ValidationError e = onlyError("permit(principal == Group::\"admins\", action == Action::\"view\", resource);",
                Kind.INVALID_ACTION_APPLICATION, "principal == Group::\"admins\", action == Action::\"view\", resource");
        assertThat(e.help()).isEqualTo("try replacing `==` with `in` in the principal clause");
        assertThat(validate("permit(principal in Group::\"admins\", action == Action::\"view\", resource);",
                ValidationMode.STRICT).passed()).isTrue();
    }

    @Test
    void validateWhenEnumeratedEntityNotDeclaredThenInvalidEnumEntity() {
        String policy = "permit(principal, action, resource) when { Color::\"blue\" == Color::\"red\" };";
        ValidationError e = onlyError(policy, Kind.INVALID_ENUM_ENTITY, "Color::\"blue\"");
        assertThat(e.message()).isEqualTo(
                "entity `Color::\"blue\"` is of an enumerated entity type, but `\"blue\"` is not declared as a valid eid");
        assertThat(e.help()).isEqualTo("valid entity eids: \"red\", \"green\"");
    }

    @Test
    void validateWhenOperandHasWrongTypeThenUnexpectedType() {
        ValidationError e = onlyError("permit(principal, action, resource) when { 1 + \"one\" == 2 };",
                Kind.UNEXPECTED_TYPE, "\"one\"");
        assertThat(e.message()).isEqualTo("unexpected type: expected Long but saw String");
        assertThat(e.help()).isEqualTo("Cedar does not support string concatenation");
    }

    @Test
    void validateWhenEqualityOfIncompatibleTypesThenIncompatibleTypesInStrictModeOnly() {
        String policy = "permit(principal, action, resource) when { principal.name == 1 };";
        ValidationError e = onlyError(policy, Kind.INCOMPATIBLE_TYPES, "principal.name == 1");
        assertThat(e.message()).isEqualTo("the types Long and String are not compatible");
        assertThat(e.help()).isEqualTo("both operands to a `==` expression must have compatible types; "
                + "types must be exactly equal to be compatible");
        assertThat(validate(policy, ValidationMode.PERMISSIVE).passed()).isTrue();
    }

    @Test
    void validateWhenAttributeDoesNotExistThenUnsafeAttributeAccess() {
        ValidationError e = onlyError("permit(principal, action, resource) when { principal.nme == \"a\" };",
                Kind.UNSAFE_ATTRIBUTE_ACCESS, "principal.nme");
        assertThat(e.message()).isEqualTo("attribute `nme` on entity type `User` not found");
        assertThat(e.help()).isEqualTo("did you mean `name`?");
    }

    @Test
    void validateWhenContextAttributeDoesNotExistThenMessageNamesTheAction() {
        ValidationError e = onlyError("permit(principal, action == Action::\"view\", resource) when { context.ipp.isIpv4() };",
                Kind.UNSAFE_ATTRIBUTE_ACCESS, "context.ipp");
        assertThat(e.message()).isEqualTo("attribute `ipp` in context for Action::\"view\" not found");
    }

    @Test
    void validateWhenOptionalAttributeReadWithoutGuardThenUnsafeOptionalAttributeAccess() {
        ValidationError e = onlyError("permit(principal, action, resource) when { principal.age > 3 };",
                Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS, "principal.age");
        assertThat(e.message()).isEqualTo(
                "unable to guarantee safety of access to optional attribute `age` on entity type `User`");
        assertThat(e.help()).isEqualTo("try testing for the attribute's presence with `e has age && ..`");
    }

    @Test
    void validateWhenTagReadWithoutGuardThenUnsafeTagAccess() {
        ValidationError e = onlyError("permit(principal, action, resource) when { principal.getTag(\"t\") == \"x\" };",
                Kind.UNSAFE_TAG_ACCESS, "principal.getTag(\"t\")");
        assertThat(e.message()).isEqualTo("unable to guarantee safety of access to tag `\"t\"` on entity type `User`");
        assertThat(e.help()).isEqualTo("try testing for the tag's presence with `.hasTag(\"t\") && ..`");
    }

    @Test
    void validateWhenFunctionDoesNotExistThenUndefinedFunction() {
        // the parser refuses unknown functions, so the policy is built by hand
        Expr call = new Expr.ExtensionCall("frobnicate", List.of(new Expr.Literal(StringValue.of("x"))));
        Policy policy = Policy.builder(PolicyId.of("p"), Effect.PERMIT)
                .conditions(List.of(new Condition(Condition.Kind.WHEN, call))).build();
        ValidationResult result = new Validator(SCHEMA).validate(PolicySet.of(List.of(policy)));
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.UNDEFINED_FUNCTION);
        assertThat(result.errors().get(0).message()).isEqualTo("undefined extension function: `frobnicate`");
        assertThat(result.errors().get(0).span()).isNull();
    }

    @Test
    void validateWhenExtensionFunctionGetsTooManyArgumentsThenWrongNumberArguments() {
        ValidationError e = onlyError("permit(principal, action, resource) when { ip(\"1.2.3.4\", \"x\").isIpv4() };",
                Kind.WRONG_NUMBER_ARGUMENTS, "ip(\"1.2.3.4\", \"x\")");
        assertThat(e.message()).isEqualTo(
                "wrong number of arguments in extension function application: expected 1, got 2");
    }

    @Test
    void validateWhenConstructorStringIsInvalidThenFunctionArgumentValidationInBothModes() {
        String policy = "permit(principal, action, resource) when { decimal(\"abc\").lessThan(decimal(\"1.0\")) };";
        ValidationError e = onlyError(policy, Kind.FUNCTION_ARGUMENT_VALIDATION, "decimal(\"abc\")");
        assertThat(e.message()).isEqualTo(
                "error during extension function argument validation: failed to parse as a decimal value: `\"abc\"`");
        assertThat(validate(policy, ValidationMode.PERMISSIVE).errors()).extracting(ValidationError::kind)
                .containsExactly(Kind.FUNCTION_ARGUMENT_VALIDATION);
    }

    @Test
    void validateWhenSetLiteralIsEmptyThenEmptySetForbiddenInStrictModeOnly() {
        String policy = "permit(principal, action, resource) when { [].isEmpty() };";
        ValidationError e = onlyError(policy, Kind.EMPTY_SET_FORBIDDEN, "[]");
        assertThat(e.message()).isEqualTo("empty set literals are forbidden in policies");
        assertThat(validate(policy, ValidationMode.PERMISSIVE).passed()).isTrue();
    }

    @Test
    void validateWhenConstructorArgumentIsNotLiteralThenNonLiteralExtensionConstructorInStrictModeOnly() {
        String policy = "permit(principal, action, resource) when { ip(principal.name).isIpv4() };";
        ValidationError e = onlyError(policy, Kind.NON_LITERAL_EXTENSION_CONSTRUCTOR, "ip(principal.name)");
        assertThat(e.message()).isEqualTo("extension constructors may not be called with non-literal expressions");
        assertThat(validate(policy, ValidationMode.PERMISSIVE).passed()).isTrue();
    }

    @Test
    void validateWithLevelWhenDereferenceChainTooLongThenEntityDerefLevelViolation() {
        String policy = "permit(principal, action == Action::\"view\", resource) when { resource.owner.name == \"alice\" };";
        Validator validator = new Validator(SCHEMA);
        ValidationResult result = validator.validate(PolicySet.parse(policy), ValidationMode.STRICT, 1);
        assertThat(result.errors()).extracting(ValidationError::kind).containsExactly(Kind.ENTITY_DEREF_LEVEL_VIOLATION);
        ValidationError e = result.errors().get(0);
        assertThat(policy.substring(e.span().start(), e.span().end())).isEqualTo("resource.owner.name");
        assertThat(e.message()).isEqualTo("this policy requires level 2, which exceeds the maximum allowed level (1)");
        assertThat(validator.validate(PolicySet.parse(policy), ValidationMode.STRICT, 2).passed()).isTrue();
        assertThat(validator.validate(PolicySet.parse(policy)).passed()).isTrue();
    }

    @Test
    void validateWithLevelWhenEntityLiteralDereferencedThenEntityDerefLevelViolation() {
        String policy = "permit(principal, action, resource) when { User::\"alice\" in principal.friends };";
        ValidationResult result = new Validator(SCHEMA).validate(PolicySet.parse(policy), ValidationMode.STRICT, 5);
        assertThat(result.errors()).extracting(ValidationError::message)
                .containsExactly("entity literals cannot be dereferenced at any level");
    }

    @Test
    void validateWhenPolicyAsDeepAsAllowedThenValidatedOnAOneMebibyteStack() throws InterruptedException {
        // one `has` && ... per level: the deepest policy a builder accepts, validated on a 1 MiB stack
        Expr e = new Expr.Literal(BoolValue.TRUE);
        Policy policy = null;
        while (true) {
            Expr deeper = new Expr.And(new Expr.HasAttr(new Expr.Var(Variable.PRINCIPAL), "age"), e);
            Policy candidate = Policy.builder(PolicyId.of("deep"), Effect.PERMIT)
                    .conditions(List.of(new Condition(Condition.Kind.WHEN, deeper))).build();
            if (candidate.depth() > Expr.MAX_DEPTH - 2) {
                policy = candidate;
                break;
            }
            e = deeper;
        }
        PolicySet set = PolicySet.of(List.of(policy));
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = new Validator(SCHEMA).validate(set, ValidationMode.STRICT, 1);
            } catch (Throwable x) {
                result[0] = x;
            }
        }, "one-mebibyte-stack", 1024L * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isInstanceOfSatisfying(ValidationResult.class, r -> assertThat(r.errors()).isEmpty());
    }

    @Test
    void validateWhenTemplateLinkedToUndeclaredTypeThenErrorNamesTheLink() {
        PolicySet set = PolicySet.parse("permit(principal == ?principal, action == Action::\"view\", resource);")
                .link(PolicyId.of("policy0"), PolicyId.of("link"),
                        Map.of(SlotId.PRINCIPAL, EntityUid.of("Nobody", "x")));
        ValidationResult result = new Validator(SCHEMA).validate(set);
        assertThat(result.passed(PolicyId.of("policy0"))).isTrue();
        assertThat(result.errors()).extracting(ValidationError::policyId, ValidationError::kind).containsExactly(
                tuple(PolicyId.of("link"), Kind.UNRECOGNIZED_ENTITY_TYPE),
                tuple(PolicyId.of("link"), Kind.INVALID_ACTION_APPLICATION));
    }
}
