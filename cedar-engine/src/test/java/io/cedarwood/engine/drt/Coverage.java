package io.cedarwood.engine.drt;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often the generated inputs reached each feature: grammar constructs, operators, extension functions,
 * scope forms, schema features, outcomes and error kinds. A feature that stays at zero is a generator gap.
 */
final class Coverage {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String feature) {
        counts.computeIfAbsent(feature, k -> new LongAdder()).increment();
    }

    void add(String feature, long n) {
        counts.computeIfAbsent(feature, k -> new LongAdder()).add(n);
    }

    long count(String feature) {
        LongAdder a = counts.get(feature);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Counts the constructs of one policy. */
    void policy(Policy p) {
        add("policy." + p.effect().cedarName());
        if (p.isTemplate()) {
            add("policy.template");
        }
        if (!p.annotations().isEmpty()) {
            add("policy.annotation");
        }
        add("scope.principal." + scopeName(p.principal()));
        add("scope.resource." + scopeName(p.resource()));
        ActionConstraint a = p.action();
        add("scope.action." + (a instanceof ActionConstraint.Any ? "any" : a instanceof ActionConstraint.Eq ? "eq"
                : ((ActionConstraint.In) a).uids().size() == 1 ? "in" : "in-list"));
        for (Condition c : p.conditions()) {
            add("condition." + c.kind().cedarName());
            expr(c.body());
        }
    }

    private static String scopeName(ScopeConstraint c) {
        String slot = "";
        if (c instanceof ScopeConstraint.Eq eq && eq.ref() instanceof EntityReference.Slot
                || c instanceof ScopeConstraint.In in && in.ref() instanceof EntityReference.Slot
                || c instanceof ScopeConstraint.IsIn isIn && isIn.ref() instanceof EntityReference.Slot) {
            slot = "-slot";
        }
        return (c instanceof ScopeConstraint.Any ? "any" : c instanceof ScopeConstraint.Eq ? "eq"
                : c instanceof ScopeConstraint.In ? "in" : c instanceof ScopeConstraint.Is ? "is" : "is-in") + slot;
    }

    void expr(Expr e) {
        if (e instanceof Expr.Literal l) {
            add("expr.literal." + (l.value() instanceof BoolValue ? "bool" : l.value() instanceof LongValue ? "long"
                    : l.value() instanceof StringValue ? "string" : l.value() instanceof EntityUid ? "entity" : "other"));
        } else if (e instanceof Expr.Var v) {
            add("expr.var." + v.variable().cedarName());
        } else if (e instanceof Expr.Unary u) {
            add("op." + u.op().name().toLowerCase(java.util.Locale.ROOT));
        } else if (e instanceof Expr.Binary b) {
            add("op." + b.op().symbol());
        } else if (e instanceof Expr.ExtensionCall c) {
            add("ext." + c.function());
        } else if (e instanceof Expr.Like l) {
            add("expr.like");
            if (l.pattern().elements().stream().anyMatch(x -> x instanceof Pattern.Wildcard)) {
                add("expr.like.wildcard");
            }
        } else {
            add("expr." + e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        for (Expr c : e.children()) {
            expr(c);
        }
    }

    /** Counts the features of a generated schema. */
    void schema(GenSchema s) {
        add("schema");
        add(s.namespace().isEmpty() ? "schema.namespace.empty" : "schema.namespace.named");
        if (!s.commonTypes().isEmpty()) {
            add("schema.common-type");
        }
        for (GenSchema.EntityTypeSpec e : s.entityTypes()) {
            if (e.isEnum()) {
                add("schema.enum");
            }
            if (e.tags() != null) {
                add("schema.tags");
            }
            if (!e.memberOf().isEmpty()) {
                add("schema.member-of");
            }
            e.shape().values().forEach(a -> {
                type(a.type());
                if (!a.required()) {
                    add("schema.optional-attribute");
                }
            });
        }
        for (GenSchema.ActionSpec a : s.actions()) {
            if (!a.appliesTo()) {
                add("schema.action-group-only");
            }
            if (!a.memberOf().isEmpty()) {
                add("schema.action-in-group");
            }
        }
    }

    private void type(GenType t) {
        if (t instanceof GenType.Common c) {
            add("type.common");
            type(c.resolved());
        } else if (t instanceof GenType.SetOf s) {
            add("type.set");
            type(s.element());
        } else if (t instanceof GenType.Rec r) {
            add("type.record");
            r.attributes().values().forEach(a -> type(a.type()));
        } else if (t instanceof GenType.Ent) {
            add("type.entity");
        } else if (t instanceof GenType.Ext e) {
            add("type." + e.name());
        } else if (t instanceof GenType.Prim p) {
            add("type." + p.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
