package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Level validation (RFC 76): how many entity dereferences a policy needs. */
class ValidatorLevelsTest {
    private static final Validator VALIDATOR = new Validator(Schema.parseCedarSchema("""
            entity Group;
            entity User in Group { jobLevel: Long, manager: User, tags: Set<String> } tags String;
            entity Document;
            action view appliesTo {
              principal: User, resource: Document, context: { token: { isSecure: Bool }, author: User }
            };
            """));

    /** The smallest level at which the policy validates. */
    private static int level(String policy) {
        PolicySet set = PolicySet.parse(policy);
        assertThat(VALIDATOR.validate(set).errors()).as("errors of %s without levels", policy).isEmpty();
        for (int level = 0; level < 10; level++) {
            ValidationResult result = VALIDATOR.validate(set, ValidationMode.STRICT, level);
            if (result.passed()) {
                return level;
            }
            assertThat(result.errors()).extracting(ValidationError::kind)
                    .containsOnly(ValidationError.Kind.ENTITY_DEREF_LEVEL_VIOLATION);
        }
        throw new AssertionError("no level up to 9 suffices for " + policy);
    }

    @Test
    void levelWhenOnlyEqualityTypeTestsAndContextThenZero() {
        assertThat(level("permit(principal == User::\"alice\", action == Action::\"view\", resource) "
                + "when { context.token.isSecure && principal is User };")).isZero();
    }

    @Test
    void levelWhenAttributeOfRequestEntityThenOne() {
        assertThat(level("permit(principal, action, resource) when { principal.jobLevel > 5 };")).isEqualTo(1);
        assertThat(level("permit(principal in Group::\"g\", action, resource);")).isEqualTo(1);
        assertThat(level("permit(principal, action, resource) when { principal.hasTag(\"a\") };")).isEqualTo(1);
        assertThat(level("permit(principal, action, resource) when { context.author.jobLevel > 1 };")).isEqualTo(1);
    }

    @Test
    void levelWhenAttributeOfAttributeThenTwo() {
        assertThat(level("permit(principal, action, resource) when { principal.manager in Group::\"admins\" };"))
                .isEqualTo(2);
        assertThat(level("permit(principal, action, resource) when { principal.manager.jobLevel > 1 };")).isEqualTo(2);
        assertThat(level("permit(principal, action, resource) when "
                + "{ principal.hasTag(\"m\") && principal.getTag(\"m\") == \"x\" && principal.manager.manager has tags };"))
                .isEqualTo(3);
        assertThat(level("permit(principal, action, resource) when { {p: principal.manager}.p.jobLevel > 1 };"))
                .isEqualTo(2);
        assertThat(level("permit(principal, action, resource) when "
                + "{ (if context.token.isSecure then principal else principal.manager).jobLevel > 1 };")).isEqualTo(2);
    }

    @Test
    void validateWhenLevelNegativeThenRefused() {
        assertThatThrownBy(() -> VALIDATOR.validate(PolicySet.EMPTY, ValidationMode.STRICT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
