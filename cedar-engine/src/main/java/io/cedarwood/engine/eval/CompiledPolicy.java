package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Collections;
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
    private final Guard guard;

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
        guard = cs.isEmpty() ? null : guard(cs.get(0));
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

    /**
     * The test the policy's conditions begin with, when it is one a request can be looked up by; else
     * {@code null}. See {@link Guard}.
     */
    public Guard guard() {
        return guard;
    }

    /**
     * A test that the evaluation of a policy's conditions starts with, of the form {@code path == literal}
     * (or {@code literal == path}), {@code path.contains(literal)} or {@code path in Type::"id"}, where a
     * path is a request variable followed by attributes ({@code principal.dept}, {@code context.a.b}): the
     * first test on the left of the {@code &&}s of the first condition, a {@code when}; or {@code path !=
     * literal} first on the left of the {@code ||}s of a first {@code unless}. Evaluation after the scope
     * (which never errors) starts with it, so when the path has a value (no error) for which the test does
     * not hold ({@code ==}: another value; {@code contains}: a set without the literal; {@code in}: an
     * entity neither the literal nor one of its descendants), the policy is not satisfied and does not
     * error, whatever the rest of its conditions. The scope index files policies by it: a request
     * evaluates each path once, looks up the literals it can match, and takes every policy of a path whose
     * evaluation errors or has a value of the wrong kind (they then error, or not, when evaluated in full).
     *
     * @param test what the path is tested for
     * @param path the variable and then the attribute names, as one comparable key
     * @param literal a bool, long, string or entity uid ({@code in}: an entity uid)
     */
    public record Guard(Test test, List<Object> path, Value literal, PathValue value) {
        /** Guards are equal when their tests are: how a path is evaluated is the same for equal paths. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Guard g && test == g.test && path.equals(g.path) && literal.equals(g.literal);
        }

        @Override
        public int hashCode() {
            return (test.hashCode() * 31 + path.hashCode()) * 31 + literal.hashCode();
        }
    }

    /** What a {@link Guard} tests its path for. */
    public enum Test {
        /** {@code path == literal} (or an {@code unless} starting with {@code path != literal}). */
        EQUALS,
        /** {@code path.contains(literal)}. */
        CONTAINS,
        /** {@code path in literal}. */
        IN
    }

    /** A guard's path, compiled: its value for a request, or the evaluation error it gives. */
    public static final class PathValue {
        private final Compiler.Node node;

        private PathValue(Compiler.Node node) {
            this.node = node;
        }

        /**
         * The path's value for {@code request}, as evaluating it in the policy gives.
         *
         * @throws EvaluationException as evaluating it in the policy throws
         */
        public Value of(Request request, EntityProvider entities) {
            return node.eval(request, entities);
        }
    }

    private static Guard guard(Condition first) {
        Expr e = first.body();
        if (first.kind() == Condition.Kind.WHEN) {
            while (e instanceof Expr.And and) {
                e = and.left();
            }
            if (e instanceof Expr.Binary b) {
                if (b.op() == BinaryOp.EQ) {
                    Guard g = guard(Test.EQUALS, b.left(), b.right());
                    return g != null ? g : guard(Test.EQUALS, b.right(), b.left());
                } else if (b.op() == BinaryOp.CONTAINS) {
                    return guard(Test.CONTAINS, b.left(), b.right());
                } else if (b.op() == BinaryOp.IN && b.right() instanceof Expr.Literal l && l.value() instanceof EntityUid) {
                    return guard(Test.IN, b.left(), b.right());
                }
            }
            return null;
        }
        while (e instanceof Expr.Or or) {
            e = or.left();
        }
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.NOT_EQ) {
            Guard g = guard(Test.EQUALS, b.left(), b.right());
            return g != null ? g : guard(Test.EQUALS, b.right(), b.left());
        }
        return null;
    }

    private static Guard guard(Test test, Expr path, Expr literal) {
        if (!(literal instanceof Expr.Literal l)) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        Expr e = path;
        while (e instanceof Expr.GetAttr g) {
            key.add(g.attribute());
            e = g.target();
        }
        if (!(e instanceof Expr.Var v)) {
            return null;
        }
        key.add(v.variable());
        Collections.reverse(key);
        return new Guard(test, List.copyOf(key), l.value(), new PathValue(Compiler.compile(path)));
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
