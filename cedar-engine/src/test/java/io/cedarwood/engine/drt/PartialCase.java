package io.cedarwood.engine.drt;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated input for partial evaluation, made from a concrete {@link AuthCase}: for each of its requests,
 * a partial request that forgets some parts, and partial entities that forget some entities and some
 * attributes. The concrete request and entities are one completion of the unknowns; {@link #completions}
 * makes others, which agree with every known part.
 */
record PartialCase(AuthCase source, PolicySet policies, Entities entities, Set<EntityUid> unknownEntities,
        Map<EntityUid, Set<String>> unknownAttributes) {

    static PartialCase generate(Rng rng) {
        AuthCase c = AuthCase.generate(rng, false);
        PolicySet set = PolicySet.EMPTY;
        for (Policy p : c.policies()) {
            set = set.add(p);
        }
        for (AuthCase.Link l : c.links()) {
            set = set.link(l.templateId(), l.newId(), l.values());
        }
        Entities entities = Entities.of(c.entities());
        Set<EntityUid> unknown = new HashSet<>();
        Map<EntityUid, Set<String>> unknownAttributes = new HashMap<>();
        double entityShare = rng.pick(0.0, 0.1, 0.3);
        double attributeShare = rng.pick(0.0, 0.1, 0.3);
        for (Entity e : c.entities()) {
            if (e.uid().type().isAction()) {
                continue;
            }
            if (rng.chance(entityShare)) {
                unknown.add(e.uid());
            } else {
                for (String attribute : e.attributes().keySet()) {
                    if (rng.chance(attributeShare)) {
                        unknownAttributes.computeIfAbsent(e.uid(), k -> new HashSet<>()).add(attribute);
                    }
                }
                if (rng.chance(attributeShare / 3)) {
                    // an attribute the entity does not have may be unknown too
                    unknownAttributes.computeIfAbsent(e.uid(), k -> new HashSet<>()).add(rng.pick(Pool.ATTRS));
                }
            }
        }
        // a request's principal or resource that is not in the store may be unknown (a completion may add it)
        for (Request r : c.requests()) {
            for (EntityUid uid : List.of(r.principal(), r.resource())) {
                if (!entities.contains(uid) && rng.chance(entityShare)) {
                    unknown.add(uid);
                }
            }
        }
        return new PartialCase(c, set, entities, unknown, unknownAttributes);
    }

    PartialEntityProvider partialEntities() {
        return PartialEntityProvider.of(entities, unknownEntities, unknownAttributes);
    }

    /** {@code r} with some parts forgotten (an unknown principal or resource keeps its type, sometimes). */
    static PartialRequest forget(Rng rng, Request r) {
        double p = rng.pick(0.2, 0.5, 0.8);
        PartialRequest.Builder b = PartialRequest.builder();
        if (rng.chance(p)) {
            if (rng.chance(0.5)) {
                b.principalType(r.principal().type());
            }
        } else {
            b.principal(r.principal());
        }
        if (!rng.chance(p / 2)) {
            b.action(r.action());
        }
        if (rng.chance(p)) {
            if (rng.chance(0.5)) {
                b.resourceType(r.resource().type());
            }
        } else {
            b.resource(r.resource());
        }
        if (!rng.chance(p / 2)) {
            b.context(r.context());
        }
        return b.build();
    }

    /** Completions of {@code partial}: {@code original} first, then requests made of parts of the case's other requests. */
    List<Request> completions(Rng rng, PartialRequest partial, Request original, int others) {
        List<Request> out = new ArrayList<>();
        out.add(original);
        List<Request> pool = source.requests();
        for (int i = 0; i < others * 4 && out.size() <= others; i++) {
            Request r = new Request(rng.pick(pool).principal(), rng.pick(pool).action(), rng.pick(pool).resource(),
                    rng.pick(pool).context());
            Request completed = new Request(partial.principal().orElse(r.principal()),
                    partial.action().orElse(r.action()), partial.resource().orElse(r.resource()),
                    partial.context().orElse(r.context()));
            if (partial.isCompletedBy(completed)) {
                out.add(completed);
            }
        }
        return out;
    }

    /**
     * Other entities that agree with every known part: the unknown attributes of known entities and the
     * attributes of unknown entities dropped or changed (ancestors stay, as known entities' ancestors are final).
     */
    Entities otherEntities(Rng rng) {
        List<Entity> out = new ArrayList<>();
        for (Entity e : entities) {
            boolean wholly = unknownEntities.contains(e.uid());
            Set<String> names = unknownAttributes.getOrDefault(e.uid(), Set.of());
            if (!wholly && names.isEmpty()) {
                out.add(e);
                continue;
            }
            Map<String, Value> attributes = new LinkedHashMap<>(e.attributes());
            List<String> changeable = new ArrayList<>(wholly ? attributes.keySet() : names);
            for (String name : changeable) {
                switch (rng.below(3)) {
                    case 0 -> attributes.remove(name);
                    case 1 -> attributes.put(name, rng.chance(0.5) ? LongValue.of(rng.pick(Pool.LONGS))
                            : StringValue.of(rng.pick(Pool.STRINGS)));
                    default -> {
                    }
                }
            }
            out.add(new Entity(e.uid(), attributes, e.parents(), e.tags()));
        }
        return Entities.of(out);
    }
}
