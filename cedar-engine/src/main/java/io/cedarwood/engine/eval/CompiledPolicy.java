package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A static or template-linked policy prepared, once, for fast evaluation: its scope as three small
 * matchers and its conditions lowered by the {@link Compiler}. {@link #isSatisfied} answers exactly as
 * {@link Evaluator#isSatisfied} does (same result, same error), which stays the definition: evaluating
 * {@link Policy#toExpr()}. A policy is at most {@link io.cedarwood.engine.ast.Expr#MAX_DEPTH} deep, so
 * every policy compiles. Immutable and thread-safe. Internal: used by the authorizer.
 */
public final class CompiledPolicy {
    private final Policy policy;
    private final Scope principal;
    private final Action action;
    private final Scope resource;
    /** The condition bodies. */
    private final Compiler.Node[] conditions;
    private final boolean[] when;

    private CompiledPolicy(Policy policy) {
        this.policy = policy;
        this.principal = scope(policy.principal());
        this.action = action(policy.action());
        this.resource = scope(policy.resource());
        List<Condition> cs = policy.conditions();
        conditions = new Compiler.Node[cs.size()];
        when = new boolean[cs.size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = Compiler.compile(cs.get(i).body());
            when[i] = cs.get(i).kind() == Condition.Kind.WHEN;
        }
    }

    /**
     * Compiles a static or template-linked policy.
     *
     * @throws IllegalArgumentException when {@code policy} is a template
     */
    public static CompiledPolicy compile(Policy policy) {
        if (policy.isTemplate()) {
            throw new IllegalArgumentException("policy `" + policy.id() + "` is a template: link it before evaluating it");
        }
        return new CompiledPolicy(policy);
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Whether the policy is satisfied by {@code request}, as {@link Evaluator#isSatisfied}.
     *
     * @throws EvaluationException when a condition errors or its value is not a boolean
     */
    public boolean isSatisfied(Request request, EntityProvider entities) {
        if (!principal.matches(request.principal(), entities)
                || !action.matches(request.action(), entities)
                || !resource.matches(request.resource(), entities)) {
            return false;
        }
        for (int i = 0; i < conditions.length; i++) {
            if (Operators.asBool(conditions[i].eval(request, entities)) != when[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- the scope ----

    private abstract static class Scope {
        abstract boolean matches(EntityUid uid, EntityProvider entities);
    }

    private static final Scope ANY = new Scope() {
        @Override
        boolean matches(EntityUid uid, EntityProvider entities) {
            return true;
        }
    };

    private static Scope scope(ScopeConstraint c) {
        if (c instanceof ScopeConstraint.Any) {
            return ANY;
        } else if (c instanceof ScopeConstraint.Eq eq) {
            EntityUid target = linked(eq.ref());
            return new Scope() {
                @Override
                boolean matches(EntityUid uid, EntityProvider entities) {
                    return uid.equals(target);
                }
            };
        } else if (c instanceof ScopeConstraint.In in) {
            EntityUid target = linked(in.ref());
            return new Scope() {
                @Override
                boolean matches(EntityUid uid, EntityProvider entities) {
                    return EntityOps.isIn(entities, uid, target);
                }
            };
        } else if (c instanceof ScopeConstraint.Is is) {
            EntityType type = is.entityType();
            return new Scope() {
                @Override
                boolean matches(EntityUid uid, EntityProvider entities) {
                    return uid.type().equals(type);
                }
            };
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            EntityType type = isIn.entityType();
            EntityUid target = linked(isIn.ref());
            return new Scope() {
                @Override
                boolean matches(EntityUid uid, EntityProvider entities) {
                    return uid.type().equals(type) && EntityOps.isIn(entities, uid, target);
                }
            };
        }
        throw new IllegalStateException("unknown scope constraint " + c);
    }

    private abstract static class Action {
        abstract boolean matches(EntityUid action, EntityProvider entities);
    }

    private static Action action(ActionConstraint c) {
        if (c instanceof ActionConstraint.Any) {
            return new Action() {
                @Override
                boolean matches(EntityUid action, EntityProvider entities) {
                    return true;
                }
            };
        } else if (c instanceof ActionConstraint.Eq eq) {
            EntityUid target = eq.uid();
            return new Action() {
                @Override
                boolean matches(EntityUid action, EntityProvider entities) {
                    return action.equals(target);
                }
            };
        } else if (c instanceof ActionConstraint.In in) {
            // the action is one of them, or descends from one of them
            Set<EntityUid> targets = new HashSet<>(in.uids());
            EntityUid[] list = in.uids().toArray(EntityUid[]::new);
            return new Action() {
                @Override
                boolean matches(EntityUid action, EntityProvider entities) {
                    if (targets.contains(action)) {
                        return true;
                    }
                    if (list.length == 0) {
                        return false;
                    }
                    Set<EntityUid> ancestors = entities.ancestors(action);
                    for (EntityUid target : list) {
                        if (ancestors.contains(target)) {
                            return true;
                        }
                    }
                    return false;
                }
            };
        }
        throw new IllegalStateException("unknown action constraint " + c);
    }

    private static EntityUid linked(EntityReference ref) {
        if (ref instanceof EntityReference.Uid uid) {
            return uid.uid();
        }
        throw new IllegalStateException("unlinked slot " + ((EntityReference.Slot) ref).slot().cedarName());
    }
}
