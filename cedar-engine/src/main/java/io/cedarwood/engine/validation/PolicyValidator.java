package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.ResolvedSchema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The validator behind {@link io.cedarwood.engine.Validator}: for each static policy and template the
 * scope checks, then the typechecker in every request environment (for a template, with its slots
 * linked to every entity type that could fill them), then the warnings; for each template-linked policy
 * the checks that depend on the values linked. Immutable and thread-safe.
 */
public final class PolicyValidator {
    private final SchemaView schema;
    private final ScopeChecks scopeChecks;

    public PolicyValidator(ResolvedSchema schema) {
        this.schema = new SchemaView(schema);
        this.scopeChecks = new ScopeChecks(this.schema);
    }

    /**
     * Validates every policy, template and template-linked policy of the set.
     *
     * @param maxDerefLevel the maximum entity dereference level (RFC 76), or a negative number for no
     *        level validation
     */
    public ValidationResult validate(PolicySet policies, ValidationMode mode, int maxDerefLevel) {
        Set<ValidationError> errors = new LinkedHashSet<>();
        Set<ValidationWarning> warnings = new LinkedHashSet<>();
        List<Policy> all = new ArrayList<>();
        for (Policy p : policies.policies()) {
            if (p.templateId().isEmpty()) {
                all.add(p);
            }
        }
        all.addAll(policies.templates());
        List<ValidationWarning> stringWarnings = new ArrayList<>();
        for (Policy p : all) {
            checkPolicy(p, mode, maxDerefLevel, new Problems(p.id()), errors, warnings, stringWarnings);
        }
        for (Policy p : policies.policies()) {
            if (p.templateId().isPresent()) {
                checkLink(p, policies.template(p.templateId().get()), errors);
            }
        }
        warnings.addAll(stringWarnings);
        return new ValidationResult(List.copyOf(errors), List.copyOf(warnings));
    }

    /** The checks of one static policy or template. */
    private void checkPolicy(Policy p, ValidationMode mode, int maxDerefLevel, Problems problems,
                             Collection<ValidationError> errors, Collection<ValidationWarning> warnings,
                             Collection<ValidationWarning> stringWarnings) {
        PolicyExpr expr = PolicyExpr.of(p);
        scopeChecks.checkNames(expr, problems, errors);
        scopeChecks.checkActionApplication(p.principal(), p.action(), p.resource(), expr.policySpan(),
                problems, errors);
        typecheck(p, expr, mode, maxDerefLevel, problems, errors, warnings);
        StringChecks.check(p.id(), expr, stringWarnings);
    }

    private void checkLink(Policy link, Policy template, Collection<ValidationError> errors) {
        Problems problems = new Problems(link.id());
        List<EntityUid> slotValues = new ArrayList<>();
        if (template != null) {
            addSlotValue(template.principal(), link.principal(), slotValues);
            addSlotValue(template.resource(), link.resource(), slotValues);
        }
        scopeChecks.checkLinkedTypes(slotValues, problems, errors);
        scopeChecks.checkActionApplication(link.principal(), link.action(), link.resource(), PolicyExpr.policySpan(link),
                problems, errors);
    }

    private static void addSlotValue(ScopeConstraint inTemplate, ScopeConstraint inLink, List<EntityUid> values) {
        if (reference(inTemplate) instanceof EntityReference.Slot
                && reference(inLink) instanceof EntityReference.Uid uid) {
            values.add(uid.uid());
        }
    }

    private static EntityReference reference(ScopeConstraint c) {
        if (c instanceof ScopeConstraint.Eq eq) {
            return eq.ref();
        } else if (c instanceof ScopeConstraint.In in) {
            return in.ref();
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return isIn.ref();
        }
        return null;
    }

    /**
     * Typechecks the policy in every request environment; warns when it is false in all of them; runs
     * level validation on the environments where it typechecked or is false.
     */
    private void typecheck(Policy p, PolicyExpr expr, ValidationMode mode, int maxDerefLevel,
                           Problems problems, Collection<ValidationError> errors,
                           Collection<ValidationWarning> warnings) {
        List<ValidationError> levelErrors = new ArrayList<>();
        LevelChecker levels = maxDerefLevel < 0 ? null : new LevelChecker(maxDerefLevel, problems, expr, levelErrors);
        boolean allFalse = true;
        for (RequestEnv unlinked : schema.requestEnvs()) {
            for (RequestEnv env : link(unlinked, p)) {
                List<ValidationError> envErrors = new ArrayList<>();
                Answer answer = new Typechecker(schema, mode, problems, expr, env, envErrors).typecheckPolicy();
                errors.addAll(envErrors);
                boolean isFalse = Type.FALSE.equals(answer.type());
                if (!isFalse) {
                    allFalse = false;
                }
                if (levels != null && (answer.ok() || isFalse)) {
                    levels.check(answer.expr(), env);
                }
            }
        }
        errors.addAll(levelErrors);
        if (allFalse) {
            warnings.add(new ValidationWarning(p.id(), ValidationWarning.Kind.IMPOSSIBLE_POLICY,
                    "policy is impossible: the policy expression evaluates to false for all valid requests",
                    expr.policySpan()));
        }
    }

    /** The environment with the template's slots linked to each entity type that could fill them. */
    private List<RequestEnv> link(RequestEnv env, Policy template) {
        List<RequestEnv> linked = new ArrayList<>();
        for (EntityType principal : slotLinks(template, true, env.principal())) {
            for (EntityType resource : slotLinks(template, false, env.resource())) {
                linked.add(env.link(principal, resource));
            }
        }
        return linked;
    }

    /**
     * The entity types a slot could be linked to without making the scope false: the variable's own type
     * for {@code ==}, it and the types it may be a member of for {@code in}; a one-element list holding
     * {@code null} when the template has no such slot.
     */
    private List<EntityType> slotLinks(Policy template, boolean principal, EntityType var) {
        ScopeConstraint constraint = principal ? template.principal() : template.resource();
        List<EntityType> links = new ArrayList<>();
        if (!(reference(constraint) instanceof EntityReference.Slot)) {
            links.add(null);
        } else if (constraint instanceof ScopeConstraint.Eq) {
            links.add(var);
        } else {
            for (EntityType type : schema.entityTypeNames()) {
                if (schema.hasDescendant(type, var)) {
                    links.add(type);
                }
            }
            links.add(var);
        }
        return links;
    }
}
