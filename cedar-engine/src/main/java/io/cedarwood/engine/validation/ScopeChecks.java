package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks the reference makes once per policy rather than per request environment (its
 * {@code rbac.rs}): every entity type the policy names is declared, every action it names is declared,
 * every entity of an enumerated type it names is one of the declared ones, and some action of the
 * scope applies to some principal type and resource type of the scope.
 */
final class ScopeChecks {
    private final SchemaView schema;

    ScopeChecks(SchemaView schema) {
        this.schema = schema;
    }

    /** The declared-ness checks, over the whole of the policy's {@code toExpr()} (scope included). */
    void checkNames(PolicyExpr policy, Problems problems, Collection<ValidationError> errors) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(policy.condition());
        List<Expr> preorder = new ArrayList<>();
        while (!stack.isEmpty()) {
            Expr n = stack.pop();
            preorder.add(n);
            List<Expr> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        // the reference reports unknown entity types first, then enumerated entities, then actions
        for (Expr n : preorder) {
            EntityType type = null;
            if (n instanceof Expr.Literal lit && lit.value() instanceof EntityUid uid) {
                type = uid.type();
            } else if (n instanceof Expr.Is is) {
                type = is.entityType();
            }
            if (type != null && !schema.isKnownEntityType(type)) {
                errors.add(problems.unrecognizedEntityType(policy.spanOf(n), type, suggestEntityType(type)));
            }
        }
        for (Expr n : preorder) {
            if (n instanceof Expr.Literal lit && lit.value() instanceof EntityUid uid && !uid.type().isAction()) {
                EntityTypeDef def = schema.entityType(uid.type());
                if (def != null && def.enumChoices().isPresent() && !def.enumChoices().get().contains(uid.id())) {
                    errors.add(problems.invalidEnumEntity(policy.spanOf(n), uid, def.enumChoices().get()));
                }
            }
        }
        for (Expr n : preorder) {
            if (n instanceof Expr.Literal lit && lit.value() instanceof EntityUid uid && uid.type().isAction()
                    && schema.action(uid) == null) {
                errors.add(problems.unrecognizedAction(policy.spanOf(n), uid, actionHelp(uid)));
            }
        }
    }

    /** The entity types of the values linked into a template's slots must be declared. */
    void checkLinkedTypes(Collection<EntityUid> slotValues, Problems problems, Collection<ValidationError> errors) {
        for (EntityUid uid : slotValues) {
            if (!schema.isKnownEntityType(uid.type())) {
                errors.add(problems.unrecognizedEntityType(null, uid.type(), suggestEntityType(uid.type())));
            }
        }
    }

    private String suggestEntityType(EntityType type) {
        return Suggestions.closest(type.name(), schema.entityTypeNames().stream().map(EntityType::name).toList());
    }

    private String actionHelp(EntityUid uid) {
        String withType = "Action::" + uid.id();
        String withTypeAndQuotes = "Action::\"" + uid.id() + "\"";
        for (ActionDef a : schema.actions()) {
            String id = a.uid().id();
            if (id.contains(withType) || id.contains(withTypeAndQuotes)) {
                return "did you intend to include the type in action `" + a.uid() + "`?";
            }
        }
        String suggestion = Suggestions.closest(uid.id(), schema.actions().stream().map(a -> a.uid().toString()).toList());
        return suggestion == null ? null : "did you mean `" + suggestion + "`?";
    }

    /**
     * Reports a policy whose scope no action applies to: for every action the action scope allows, the
     * principal types the principal scope allows or the resource types the resource scope allows are not
     * among the action's.
     */
    void checkActionApplication(ScopeConstraint principal, ActionConstraint action, ScopeConstraint resource,
                                SourceSpan span, Problems problems, Collection<ValidationError> errors) {
        List<ActionDef> specs = actionsSatisfying(action);
        Set<EntityType> principals = typesSatisfying(principal);
        Set<EntityType> resources = typesSatisfying(resource);
        for (ActionDef spec : specs) {
            if (!Collections.disjoint(principals, spec.principalTypes())
                    && !Collections.disjoint(resources, spec.resourceTypes())) {
                return;
            }
        }
        errors.add(problems.invalidActionApplication(span, inWouldFix(principal, specs, true),
                inWouldFix(resource, specs, false)));
    }

    /**
     * Whether replacing {@code ==} by {@code in} would help: the scope's entity type is no principal (or
     * resource) type of any of the actions, but one of them has a type whose entities may be in it.
     */
    private boolean inWouldFix(ScopeConstraint constraint, List<ActionDef> specs, boolean principal) {
        if (!(constraint instanceof ScopeConstraint.Eq eq && eq.ref() instanceof EntityReference.Uid uid)) {
            return false;
        }
        EntityType type = uid.uid().type();
        for (ActionDef spec : specs) {
            if ((principal ? spec.principalTypes() : spec.resourceTypes()).contains(type)) {
                return false;
            }
        }
        if (schema.entityType(type) == null) {
            return false;
        }
        Set<EntityType> descendants = schema.descendants(type);
        for (ActionDef spec : specs) {
            for (EntityType t : principal ? spec.principalTypes() : spec.resourceTypes()) {
                if (descendants.contains(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<ActionDef> actionsSatisfying(ActionConstraint constraint) {
        List<ActionDef> specs = new ArrayList<>();
        if (constraint instanceof ActionConstraint.Any) {
            specs.addAll(schema.actions());
        } else if (constraint instanceof ActionConstraint.Eq eq) {
            ActionDef def = schema.action(eq.uid());
            if (def != null) {
                specs.add(def);
            }
        } else {
            Set<EntityUid> in = schema.actionsIn(((ActionConstraint.In) constraint).uids());
            if (in != null) {
                for (EntityUid uid : in) {
                    ActionDef def = schema.action(uid);
                    if (def != null) {
                        specs.add(def);
                    }
                }
            }
        }
        return specs;
    }

    private Set<EntityType> typesSatisfying(ScopeConstraint constraint) {
        if (constraint instanceof ScopeConstraint.Any) {
            return new LinkedHashSet<>(schema.entityTypeNames());
        } else if (constraint instanceof ScopeConstraint.Eq eq) {
            return eq.ref() instanceof EntityReference.Uid uid ? Set.of(uid.uid().type())
                    : new LinkedHashSet<>(schema.entityTypeNames());
        } else if (constraint instanceof ScopeConstraint.In in) {
            return in.ref() instanceof EntityReference.Uid uid ? schema.entityTypesIn(uid.uid().type())
                    : new LinkedHashSet<>(schema.entityTypeNames());
        } else if (constraint instanceof ScopeConstraint.Is is) {
            return schema.isKnownEntityType(is.entityType()) ? Set.of(is.entityType()) : Set.of();
        }
        ScopeConstraint.IsIn isIn = (ScopeConstraint.IsIn) constraint;
        if (isIn.ref() instanceof EntityReference.Uid uid) {
            return schema.entityTypesIn(uid.uid().type()).contains(isIn.entityType()) ? Set.of(isIn.entityType())
                    : Set.of();
        }
        return schema.isKnownEntityType(isIn.entityType()) ? Set.of(isIn.entityType()) : Set.of();
    }
}
