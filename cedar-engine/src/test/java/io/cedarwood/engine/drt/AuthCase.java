package io.cedarwood.engine.drt;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One authorization input, built in the order schema, entities, policies, requests: a schema, the
 * entities left after dropping a few, a policy set (static policies and templates, ids {@code policy0...}
 * in order, and links to the templates), and eight requests.
 */
record AuthCase(GenSchema schema, List<Entity> entities, List<Policy> policies, List<Link> links,
        List<Request> requests) {

    /** A template-linked policy: {@code newId} links {@code templateId} with these slot values. */
    record Link(PolicyId templateId, PolicyId newId, Map<SlotId, EntityUid> values) {
    }

    /** A case whose entity data may be odd (duplicates, a cycle): what the differential tests use. */
    static AuthCase generate(Rng rng) {
        return generate(rng, true);
    }

    /** A case; {@code oddities} allows entity data that the engines must refuse (conflicting duplicates, cycles). */
    static AuthCase generate(Rng rng, boolean oddities) {
        GenSchema schema = SchemaGen.generate(rng);
        List<Entity> hierarchy = EntityGen.generate(rng, schema);
        Map<EntityType, List<EntityUid>> known = EntityGen.index(hierarchy);
        PolicyGen gen = new PolicyGen(rng, schema, known);
        List<Policy> policies = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        int n = rng.between(1, 6);
        for (int i = 0; i < n; i++) {
            boolean template = rng.chance(0.1);
            Policy p = gen.policy(PolicyId.of("policy" + i), template);
            policies.add(p);
            if (template) {
                int k = rng.between(1, 2);
                for (int j = 0; j < k; j++) {
                    Map<SlotId, EntityUid> values = new EnumMap<>(SlotId.class);
                    for (SlotId slot : p.slots()) {
                        values.put(slot, rng.pick(hierarchyUids(hierarchy)));
                    }
                    links.add(new Link(p.id(), PolicyId.of("link" + i + "_" + j), values));
                }
            }
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(request(rng, schema, known));
        }
        List<Entity> kept = EntityGen.dropSome(rng, hierarchy);
        return new AuthCase(schema, oddities ? EntityGen.oddities(rng, kept) : kept, policies, links, requests);
    }

    private static List<EntityUid> hierarchyUids(List<Entity> hierarchy) {
        List<EntityUid> out = new ArrayList<>();
        for (Entity e : hierarchy) {
            if (!e.uid().type().isAction()) {
                out.add(e.uid());
            }
        }
        return out.isEmpty() ? List.of(EntityUid.of("User", "alice")) : out;
    }

    /** A request for an action the schema declares, principal and resource of types it applies to (mostly). */
    static Request request(Rng rng, GenSchema schema, Map<EntityType, List<EntityUid>> known) {
        List<GenSchema.ActionSpec> requestable = schema.requestableActions();
        GenSchema.ActionSpec action = !requestable.isEmpty() && rng.chance(0.9) ? rng.pick(requestable)
                : rng.pick(schema.actions());
        String principalType = action.appliesTo() && rng.chance(0.9) ? rng.pick(action.principals())
                : rng.pick(schema.entityTypes()).name();
        String resourceType = action.appliesTo() && rng.chance(0.9) ? rng.pick(action.resources())
                : rng.pick(schema.entityTypes()).name();
        Value context = rng.chance(0.9)
                ? EntityGen.value(rng, schema, known, action.context(), 3)
                : EntityGen.value(rng, schema, known, new GenType.Rec(Map.of(rng.pick(Pool.ATTRS),
                        new GenType.Attr(GenType.LONG, true))), 2);
        return new Request(uid(rng, schema, known, principalType), schema.actionUid(action.id()),
                uid(rng, schema, known, resourceType), (RecordValue) context);
    }

    private static EntityUid uid(Rng rng, GenSchema schema, Map<EntityType, List<EntityUid>> known, String type) {
        EntityType t = schema.entityType(type);
        List<EntityUid> candidates = known.getOrDefault(t, List.of());
        if (!candidates.isEmpty() && rng.chance(0.9)) {
            return rng.pick(candidates);
        }
        return new EntityUid(t, rng.pick(Pool.IDS));
    }

    /** The same case with other parts. */
    AuthCase withPolicies(List<Policy> p, List<Link> l) {
        return new AuthCase(schema, entities, p, l, requests);
    }

    AuthCase withEntities(List<Entity> e) {
        return new AuthCase(schema, e, policies, links, requests);
    }

    AuthCase withRequests(List<Request> r) {
        return new AuthCase(schema, entities, policies, links, r);
    }

    /** Policies renumbered {@code policy0...} in order (links follow their templates' new ids). */
    AuthCase renumbered() {
        Map<PolicyId, PolicyId> ids = new LinkedHashMap<>();
        List<Policy> out = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            PolicyId id = PolicyId.of("policy" + i);
            ids.put(policies.get(i).id(), id);
            out.add(policies.get(i).withId(id));
        }
        List<Link> l = new ArrayList<>();
        for (Link link : links) {
            if (ids.containsKey(link.templateId())) {
                l.add(new Link(ids.get(link.templateId()), link.newId(), link.values()));
            }
        }
        return new AuthCase(schema, entities, out, l, requests);
    }
}
