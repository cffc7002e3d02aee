package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Cedar policy, static or template, immutable. A template is a policy whose scope mentions a slot
 * ({@code ?principal}, {@code ?resource}); a template-linked policy is a static policy that remembers the
 * template it came from.
 *
 * <p>Two policies are equal when id, effect, scope, conditions, annotations and template origin are equal;
 * source locations do not take part.
 */
public final class Policy {
    private final PolicyId id;
    private final Effect effect;
    private final ScopeConstraint principal;
    private final ActionConstraint action;
    private final ScopeConstraint resource;
    private final List<Condition> conditions;
    private final Map<String, String> annotations;
    private final PolicyId templateId;
    private final SourceSpans sourceSpans;

    private Policy(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.effect = Objects.requireNonNull(b.effect, "effect");
        this.principal = Objects.requireNonNull(b.principal, "principal");
        this.action = Objects.requireNonNull(b.action, "action");
        this.resource = Objects.requireNonNull(b.resource, "resource");
        this.conditions = List.copyOf(b.conditions);
        this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(b.annotations));
        this.templateId = b.templateId;
        this.sourceSpans = Objects.requireNonNull(b.sourceSpans, "sourceSpans");
        if (depth() > Expr.MAX_DEPTH) {
            throw new CedarException("policy `" + id + "` is nested too deeply: at most " + Expr.MAX_DEPTH
                    + " levels of nested operations are supported, scope and conditions included");
        }
    }

    public static Builder builder(PolicyId id, Effect effect) {
        return new Builder(id, effect);
    }

    public PolicyId id() {
        return id;
    }

    public Effect effect() {
        return effect;
    }

    public ScopeConstraint principal() {
        return principal;
    }

    public ActionConstraint action() {
        return action;
    }

    public ScopeConstraint resource() {
        return resource;
    }

    /** The {@code when} and {@code unless} clauses in source order. */
    public List<Condition> conditions() {
        return conditions;
    }

    /**
     * Annotations in source order. An annotation written without a value ({@code @id}) has the empty
     * string as its value, as in the reference.
     */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** For a template-linked policy, the id of its template. */
    public Optional<PolicyId> templateId() {
        return Optional.ofNullable(templateId);
    }

    /** Where the parts of this policy came from in the text it was parsed from; empty if not parsed. */
    public SourceSpans sourceSpans() {
        return sourceSpans;
    }

    /** The slots this policy's scope mentions; empty for a static policy. */
    public Set<SlotId> slots() {
        EnumSet<SlotId> slots = EnumSet.noneOf(SlotId.class);
        addSlot(principal, slots);
        addSlot(resource, slots);
        return Collections.unmodifiableSet(slots);
    }

    /** Whether this is a template: a policy with at least one slot. */
    public boolean isTemplate() {
        return !slots().isEmpty();
    }

    private static void addSlot(ScopeConstraint c, Set<SlotId> slots) {
        if (c.reference().orElse(null) instanceof EntityReference.Slot s) {
            slots.add(s.slot());
        }
    }

    /**
     * This policy as one boolean expression, as Lean's {@code Policy.toExpr}:
     * {@code principalScope && (actionScope && (resourceScope && conditions))}, where a scope that
     * constrains nothing is {@code true}, {@code principal is T in e} is {@code principal is T && principal
     * in e}, {@code action in [a, b]} is {@code action in [a, b]}, and the conditions are the right fold with
     * {@code &&} of the {@code when} bodies and the negated ({@code !}) {@code unless} bodies, ending in
     * {@code true}. The policy is satisfied by a request exactly when this evaluates to {@code true}: that
     * is the definition the evaluator, the compiled policies and the scope index are checked against, and the
     * expression the validator typechecks. For a template, the slots stand in the expression as
     * {@link Expr.Slot} (as the reference's template condition has them); evaluating one is an error.
     */
    public Expr toExpr() {
        Expr conditionsExpr = new Expr.Literal(BoolValue.TRUE);
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Condition c = conditions.get(i);
            Expr body = c.kind() == Condition.Kind.WHEN ? c.body() : new Expr.Unary(UnaryOp.NOT, c.body());
            conditionsExpr = new Expr.And(body, conditionsExpr);
        }
        return new Expr.And(scopeExpr(Variable.PRINCIPAL, principal),
                new Expr.And(actionExpr(action),
                        new Expr.And(scopeExpr(Variable.RESOURCE, resource), conditionsExpr)));
    }

    /**
     * The depth of {@link #toExpr()} (a slot counts as the uid that will fill it),
     * computed without building the expression or recursing; past {@link Expr#MAX_DEPTH} only "more than
     * that" is exact. At most {@link Expr#MAX_DEPTH}: a deeper policy cannot be built.
     */
    public int depth() {
        int fold = 1; // the `true` the conditions end with
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Condition c = conditions.get(i);
            int body = c.body().depthUpTo(Expr.MAX_DEPTH) + (c.kind() == Condition.Kind.UNLESS ? 1 : 0);
            fold = 1 + Math.max(body, fold);
        }
        int resourceAnd = 1 + Math.max(scopeDepth(resource), fold);
        int actionAnd = 1 + Math.max(actionDepth(action), resourceAnd);
        return 1 + Math.max(scopeDepth(principal), actionAnd);
    }

    private static int scopeDepth(ScopeConstraint c) {
        if (c instanceof ScopeConstraint.IsIn) {
            return 3; // principal is T && principal in e
        }
        return c instanceof ScopeConstraint.Any ? 1 : 2;
    }

    private static int actionDepth(ActionConstraint c) {
        if (c instanceof ActionConstraint.In in) {
            return in.uids().isEmpty() ? 2 : 3; // action in [uid, ...]
        }
        return c instanceof ActionConstraint.Any ? 1 : 2;
    }

    private static Expr scopeExpr(Variable variable, ScopeConstraint c) {
        Expr var = new Expr.Var(variable);
        if (c instanceof ScopeConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, uidLiteral(eq.ref()));
        } else if (c instanceof ScopeConstraint.In in) {
            return new Expr.Binary(BinaryOp.IN, var, uidLiteral(in.ref()));
        } else if (c instanceof ScopeConstraint.Is is) {
            return new Expr.Is(var, is.entityType());
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return new Expr.And(new Expr.Is(var, isIn.entityType()),
                    new Expr.Binary(BinaryOp.IN, var, uidLiteral(isIn.ref())));
        }
        return new Expr.Literal(BoolValue.TRUE);
    }

    private static Expr actionExpr(ActionConstraint c) {
        Expr var = new Expr.Var(Variable.ACTION);
        if (c instanceof ActionConstraint.Eq eq) {
            return new Expr.Binary(BinaryOp.EQ, var, new Expr.Literal(eq.uid()));
        } else if (c instanceof ActionConstraint.In in) {
            return new Expr.Binary(BinaryOp.IN, var,
                    new Expr.SetLit(in.uids().stream().<Expr>map(Expr.Literal::new).toList()));
        }
        return new Expr.Literal(BoolValue.TRUE);
    }

    /** The uid of a filled reference, or the slot of a template's. */
    private static Expr uidLiteral(EntityReference ref) {
        if (ref instanceof EntityReference.Slot s) {
            return new Expr.Slot(s.slot());
        }
        return new Expr.Literal(((EntityReference.Uid) ref).uid());
    }

    /** This policy as Cedar text that parses back to an equal policy. */
    public String toCedar() {
        return PolicyPrinter.print(this);
    }

    /** A copy of this policy under another id. */
    public Policy withId(PolicyId newId) {
        return toBuilder().id(newId).build();
    }

    public Builder toBuilder() {
        return new Builder(id, effect)
                .principal(principal).action(action).resource(resource)
                .conditions(conditions).annotations(annotations)
                .templateId(templateId).sourceSpans(sourceSpans);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p
                && id.equals(p.id) && effect == p.effect
                && principal.equals(p.principal) && action.equals(p.action) && resource.equals(p.resource)
                && conditions.equals(p.conditions) && annotations.equals(p.annotations)
                && Objects.equals(templateId, p.templateId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, effect, principal, action, resource, conditions, annotations, templateId);
    }

    /** Builds a {@link Policy}; scope parts default to unconstrained. */
    public static final class Builder {
        private PolicyId id;
        private Effect effect;
        private ScopeConstraint principal = new ScopeConstraint.Any();
        private ActionConstraint action = new ActionConstraint.Any();
        private ScopeConstraint resource = new ScopeConstraint.Any();
        private List<Condition> conditions = List.of();
        private Map<String, String> annotations = Map.of();
        private PolicyId templateId;
        private SourceSpans sourceSpans = SourceSpans.NONE;

        private Builder(PolicyId id, Effect effect) {
            this.id = id;
            this.effect = effect;
        }

        public Builder id(PolicyId id) {
            this.id = id;
            return this;
        }

        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        public Builder principal(ScopeConstraint principal) {
            this.principal = principal;
            return this;
        }

        public Builder action(ActionConstraint action) {
            this.action = action;
            return this;
        }

        public Builder resource(ScopeConstraint resource) {
            this.resource = resource;
            return this;
        }

        public Builder conditions(List<Condition> conditions) {
            this.conditions = conditions;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations = annotations;
            return this;
        }

        public Builder templateId(PolicyId templateId) {
            this.templateId = templateId;
            return this;
        }

        public Builder sourceSpans(SourceSpans sourceSpans) {
            this.sourceSpans = sourceSpans;
            return this;
        }

        /**
         * The policy.
         *
         * @throws CedarException when its {@link Policy#toExpr()} would be deeper than {@link Expr#MAX_DEPTH}
         */
        public Policy build() {
            return new Policy(this);
        }
    }
}
