package io.cedarwood.engine;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.PolicyValidator;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.validation.ValidationResult;

import java.util.Objects;

/**
 * Checks policies against a schema, as the reference validator does: a policy set that validates will not
 * fail at run time with a type error for requests and entities that conform to the schema (in strict
 * mode). Errors name unknown entity types and actions, scopes no action applies to, type errors, reads of
 * attributes and tags that may not exist; warnings (which do not fail validation) name policies that can
 * never apply and text that could mislead a reader. Immutable and thread-safe.
 */
public final class Validator {
    private final Schema schema;
    private final PolicyValidator validator;

    public Validator(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.validator = new PolicyValidator(schema.resolved());
    }

    public Schema schema() {
        return schema;
    }

    /** Validates every static policy, template and template-linked policy of the set in strict mode. */
    public ValidationResult validate(PolicySet policies) {
        return validate(policies, ValidationMode.STRICT);
    }

    /** Validates every static policy, template and template-linked policy of the set. */
    public ValidationResult validate(PolicySet policies, ValidationMode mode) {
        return validator.validate(Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(mode, "mode"), -1);
    }

    /**
     * Validates the policies and, in addition, checks that they dereference entities (read attributes or
     * tags, test membership) through chains of at most {@code maxDerefLevel} entities starting at a
     * request variable, and never dereference an entity literal (RFC 76, level validation).
     *
     * @throws IllegalArgumentException when {@code maxDerefLevel} is negative
     */
    public ValidationResult validate(PolicySet policies, ValidationMode mode, int maxDerefLevel) {
        if (maxDerefLevel < 0) {
            throw new IllegalArgumentException("the maximum dereference level must not be negative, got "
                    + maxDerefLevel);
        }
        return validator.validate(Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(mode, "mode"),
                maxDerefLevel);
    }
}
