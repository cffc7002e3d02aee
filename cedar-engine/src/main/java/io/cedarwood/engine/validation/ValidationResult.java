package io.cedarwood.engine.validation;

import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.PolicyId;

import java.util.List;

/**
 * What {@link Validator} found: the errors (validation passes when there are none) and, separately, the
 * warnings, which never make validation fail.
 */
public record ValidationResult(List<ValidationError> errors, List<ValidationWarning> warnings) {
    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the policies validated: there are no errors. */
    public boolean passed() {
        return errors.isEmpty();
    }

    /** Whether the policy, template or template-linked policy with this id validated. */
    public boolean passed(PolicyId policyId) {
        return errors.stream().noneMatch(e -> e.policyId().equals(policyId));
    }
}
