package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small schema whose types would be exponentially large written out validates in small memory (the
 * build runs this class with a 256 MiB heap: see docs/limits.md).
 */
class ValidationLimitsTest {

    /** 894 bytes: {@code type T0 = {a: T1, b: T1}; ... type T28 = Long;}, so T0 is a tree of 2^28 leaves. */
    private static Schema fanOut() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 28; i++) {
            text.append("type T").append(i).append(" = {a: T").append(i + 1).append(", b: T").append(i + 1).append("};\n");
        }
        text.append("type T28 = Long;\n");
        text.append("entity User = {t: T0};\n");
        text.append("action view appliesTo { principal: User, resource: User, context: {t: T0} };\n");
        return Schema.parseCedarSchema(text.toString());
    }

    @Test
    void typesNamingACommonTypeTwiceAreSharedNotExpanded() {
        Validator validator = new Validator(fanOut());
        PolicySet policies = PolicySet.parse("""
                permit(principal, action, resource) when {
                  principal.t.a.b.a.b.a == resource.t.b.a.b.a.b &&
                  (if context.t.a.a == principal.t.b.b then principal.t else context.t) == resource.t
                };
                permit(principal, action, resource) when {
                  principal.t.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b.a.b > 1
                };
                """);

        assertThat(validator.validate(policies, ValidationMode.STRICT).errors()).isEmpty();
        assertThat(validator.validate(policies, ValidationMode.PERMISSIVE).errors()).isEmpty();
    }

    @Test
    void aTypeErrorOnAHugeTypeIsReported() {
        Validator validator = new Validator(fanOut());
        PolicySet policies = PolicySet.parse("""
                permit(principal, action, resource) when { principal.t.a.b > 1 };
                """);

        ValidationResult result = validator.validate(policies);
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).toString().length()).isLessThan(10_000);
    }
}
