package io.cedarwood.spring.security;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError;
import io.cedarwood.engine.validation.ValidationMode;

import java.util.List;

/**
 * Checks policies against a schema before they are used, at startup and on every reload: policies that
 * don't validate never replace the ones in use. The auto-configuration uses the bean of this type, and
 * {@link #strict()} when there is none.
 */
@FunctionalInterface
public interface CedarPolicyValidator {

    /** The problems found, each a message naming the policy; empty when the policies validate. */
    List<String> validate(PolicySet policies, Schema schema);

    /** The engine's validator in strict mode, the reference's default: its errors (warnings don't count). */
    static CedarPolicyValidator strict() {
        return (policies, schema) -> new Validator(schema).validate(policies, ValidationMode.STRICT).errors().stream()
                .map(ValidationError::toString)
                .toList();
    }
}
