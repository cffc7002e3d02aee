package io.cedarwood.engine.ast;


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
        EntityReference ref = null;
        if (c instanceof ScopeConstraint.Eq eq) {
            ref = eq.ref();
        } else if (c instanceof ScopeConstraint.In in) {
            ref = in.ref();
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            ref = isIn.ref();
        }
        if (ref instanceof EntityReference.Slot s) {
            slots.add(s.slot());
        }
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

        public Policy build() {
            return new Policy(this);
        }
    }
}
