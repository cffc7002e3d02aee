package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.engine.PolicySet;
import io.cedarwood.engine.Schema;
import io.cedarwood.spring.security.CedarPolicyValidator;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Validates the policies against the schema at startup (strict mode), through the engine's
 * {@code io.cedarwood.engine.Validator}: the application does not start when they don't validate.
 *
 * <p>Written against the validator's API by reflection only because this sample was written before the
 * validator was part of the engine; with it, this is
 * {@code new Validator(schema).validate(policies).errors()}, each error naming its policy.
 */
final class EngineValidator implements CedarPolicyValidator {
    static final String VALIDATOR = "io.cedarwood.engine.Validator";

    @Override
    public List<String> validate(PolicySet policies, Schema schema) {
        try {
            Object validator = Class.forName(VALIDATOR).getConstructor(Schema.class).newInstance(schema);
            Object result = validator.getClass().getMethod("validate", PolicySet.class).invoke(validator, policies);
            List<?> errors = (List<?>) result.getClass().getMethod("errors").invoke(result);
            return errors.stream().map(String::valueOf).toList();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the engine's validator", e);
        }
    }
}
