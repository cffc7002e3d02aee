package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable set of policies: static policies, templates, and policies linked from templates. Ids are
 * unique across all three. Safe to share between threads.
 */
public final class PolicySet {
    public static final PolicySet EMPTY = new PolicySet(Map.of(), Map.of(), List.of());

    private final Map<PolicyId, Policy> policies;
    private final Map<PolicyId, Policy> templates;
    /** Static policies and templates in the order they were added, for printing. */
    private final List<Policy> sourceOrder;
    /** The policies compiled and indexed for the authorizer, built on first use (a race builds an equal one). */
    private volatile PolicyIndex index;

    private PolicySet(Map<PolicyId, Policy> policies, Map<PolicyId, Policy> templates, List<Policy> sourceOrder) {
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        this.sourceOrder = List.copyOf(sourceOrder);
    }

    /**
     * Parses Cedar policy text. Policies and templates get the ids {@code policy0}, {@code policy1}, ...
     * in source order.
     *
     * @throws ParseException with every error found
     */
    public static PolicySet parse(String text) {
        return of(PolicyParser.parsePolicies(text));
    }

    /**
     * A set of these policies; those with slots become templates.
     *
     * @throws CedarException when two policies share an id
     */
    public static PolicySet of(Collection<Policy> policies) {
        // one pass, not a chain of add(): each add copies the set, which is quadratic in its size
        Map<PolicyId, Policy> p = new LinkedHashMap<>();
        Map<PolicyId, Policy> t = new LinkedHashMap<>();
        List<Policy> order = new ArrayList<>();
        for (Policy policy : policies) {
            Objects.requireNonNull(policy, "policy");
            if (p.containsKey(policy.id()) || t.containsKey(policy.id())) {
                throw new CedarException("duplicate policy id `" + policy.id() + "`");
            }
            (policy.isTemplate() ? t : p).put(policy.id(), policy);
            if (policy.templateId().isEmpty()) {
                order.add(policy);
            }
        }
        return p.isEmpty() && t.isEmpty() ? EMPTY : new PolicySet(p, t, order);
    }

    /** The static and template-linked policies, in the order they were added. */
    public Collection<Policy> policies() {
        return policies.values();
    }

    /** The policies compiled and indexed by scope, for the authorizer. */
    PolicyIndex index() {
        PolicyIndex i = index;
        if (i == null) {
            i = new PolicyIndex(policies.values(), PolicyIndex.SCAN_BELOW);
            index = i;
        }
        return i;
    }

    /** The templates, in the order they were added. */
    public Collection<Policy> templates() {
        return templates.values();
    }

    /** The static or linked policy with this id, or {@code null}. */
    public Policy policy(PolicyId id) {
        return policies.get(id);
    }

    /** The template with this id, or {@code null}. */
    public Policy template(PolicyId id) {
        return templates.get(id);
    }

    public boolean isEmpty() {
        return policies.isEmpty() && templates.isEmpty();
    }

    /** This set plus {@code policy} (a static policy or a template). */
    public PolicySet add(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policies.containsKey(policy.id()) || templates.containsKey(policy.id())) {
            throw new CedarException("duplicate policy id `" + policy.id() + "`");
        }
        Map<PolicyId, Policy> p = new LinkedHashMap<>(policies);
        Map<PolicyId, Policy> t = new LinkedHashMap<>(templates);
        (policy.isTemplate() ? t : p).put(policy.id(), policy);
        List<Policy> order = new ArrayList<>(sourceOrder);
        if (policy.templateId().isEmpty()) {
            order.add(policy);
        }
        return new PolicySet(p, t, order);
    }

    /**
     * This set plus a policy linked from template {@code templateId}: each slot is replaced by the uid
     * given for it.
     *
     * @throws CedarException when the template does not exist, the new id is taken, or the values do not
     *         fill exactly the template's slots
     */
    public PolicySet link(PolicyId templateId, PolicyId newId, Map<SlotId, EntityUid> values) {
        Policy template = templates.get(templateId);
        if (template == null) {
            throw new CedarException("failed to find a template with id `" + templateId + "`");
        }
        if (policies.containsKey(newId) || templates.containsKey(newId)) {
            throw new CedarException("template-linked policy id `" + newId + "` conflicts with an existing policy id");
        }
        Set<SlotId> slots = template.slots();
        for (SlotId slot : slots) {
            if (!values.containsKey(slot)) {
                throw new CedarException("failed to link template `" + templateId + "`: no value provided for `"
                        + slot.cedarName() + "`");
            }
        }
        for (SlotId slot : values.keySet()) {
            if (!slots.contains(slot)) {
                throw new CedarException("failed to link template `" + templateId + "`: value provided for `"
                        + slot.cedarName() + "`, which is not a slot of the template");
            }
        }
        Policy linked = template.toBuilder()
                .id(newId)
                .templateId(templateId)
                .principal(fill(template.principal(), values))
                .resource(fill(template.resource(), values))
                .build();
        Map<PolicyId, Policy> p = new LinkedHashMap<>(policies);
        p.put(newId, linked);
        return new PolicySet(p, templates, sourceOrder);
    }

    private static ScopeConstraint fill(ScopeConstraint c, Map<SlotId, EntityUid> values) {
        if (c instanceof ScopeConstraint.Eq eq) {
            return new ScopeConstraint.Eq(fill(eq.ref(), values));
        } else if (c instanceof ScopeConstraint.In in) {
            return new ScopeConstraint.In(fill(in.ref(), values));
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return new ScopeConstraint.IsIn(isIn.entityType(), fill(isIn.ref(), values));
        }
        return c;
    }

    private static EntityReference fill(EntityReference ref, Map<SlotId, EntityUid> values) {
        return ref instanceof EntityReference.Slot s ? new EntityReference.Uid(values.get(s.slot())) : ref;
    }

    /**
     * Every static policy and template as Cedar text, in the order they were added (links have no text of
     * their own). Parsing it gives back the same policies when they were numbered {@code policy0..N}.
     */
    public String toCedar() {
        return sourceOrder.stream().map(Policy::toCedar).collect(Collectors.joining("\n\n"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicySet s && policies.equals(s.policies) && templates.equals(s.templates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policies, templates);
    }
}
