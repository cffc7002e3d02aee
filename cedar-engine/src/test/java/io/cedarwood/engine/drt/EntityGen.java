package io.cedarwood.engine.drt;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates entity data conforming to a schema (mostly): a few entities of each type with ids from the
 * shared pool, attribute and tag values of the declared types drawn from the constant pools, and an
 * acyclic parent relation along the declared membership (now and then a parent that does not exist).
 * Action entities come from the schema's actions and groups.
 */
final class EntityGen {
    private final Rng rng;
    private final GenSchema schema;
    /** The uids generated so far, by type: what entity-typed values and scope constraints refer to. */
    private final Map<EntityType, List<EntityUid>> uids = new LinkedHashMap<>();

    private EntityGen(Rng rng, GenSchema schema) {
        this.rng = rng;
        this.schema = schema;
    }

    /** The whole hierarchy: every entity, actions last. */
    static List<Entity> generate(Rng rng, GenSchema schema) {
        return new EntityGen(rng, schema).entities();
    }

    private List<Entity> entities() {
        for (GenSchema.EntityTypeSpec spec : schema.entityTypes()) {
            EntityType type = schema.entityType(spec.name());
            List<String> ids = spec.isEnum() ? spec.enumIds() : rng.some(Pool.IDS, 0.3);
            List<EntityUid> list = new ArrayList<>();
            for (String id : ids) {
                list.add(new EntityUid(type, id));
            }
            uids.put(type, list);
        }
        // an order over all entities: parents are only chosen later in it, so there is no cycle
        List<EntityUid> order = new ArrayList<>();
        uids.values().forEach(order::addAll);
        Collections.shuffle(order, new java.util.Random(rng.nextLong()));
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            EntityUid uid = order.get(i);
            GenSchema.EntityTypeSpec spec = schema.specOf(uid.type());
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (int j = i + 1; j < order.size(); j++) {
                EntityUid candidate = order.get(j);
                if (spec.memberOf().contains(schema.specOf(candidate.type()).name()) && rng.chance(0.4)) {
                    parents.add(candidate);
                }
            }
            if (rng.chance(0.05)) {
                parents.add(new EntityUid(schema.entityType(rng.pick(schema.entityTypes()).name()), "ghost"));
            }
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (Map.Entry<String, GenType.Attr> a : spec.shape().entrySet()) {
                if (a.getValue().required() || rng.chance(0.6)) {
                    attrs.put(a.getKey(), value(a.getValue().type(), 3));
                }
            }
            Map<String, Value> tags = new LinkedHashMap<>();
            if (spec.tags() != null) {
                int n = rng.between(0, 3);
                for (int k = 0; k < n; k++) {
                    tags.put(rng.pick(Pool.ATTRS), value(spec.tags(), 3));
                }
            }
            out.add(new Entity(uid, attrs, parents, tags));
        }
        for (GenSchema.ActionSpec a : schema.actions()) {
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (String group : a.memberOf()) {
                parents.add(schema.actionUid(group));
            }
            out.add(new Entity(schema.actionUid(a.id()), Map.of(), parents, Map.of()));
        }
        return out;
    }

    /** A value of the given type. */
    Value value(GenType type, int depth) {
        return value(rng, schema, uids, type, depth);
    }

    /**
     * A value of {@code type} drawn from the pools; entity references mostly name entities in
     * {@code known}.
     */
    static Value value(Rng rng, GenSchema schema, Map<EntityType, List<EntityUid>> known, GenType type, int depth) {
        GenType t = GenType.resolve(type);
        if (t instanceof GenType.Prim p) {
            return switch (p.name()) {
                case "Bool" -> BoolValue.of(rng.chance(0.5));
                case "Long" -> LongValue.of(rng.pick(Pool.LONGS));
                default -> StringValue.of(rng.pick(Pool.STRINGS));
            };
        } else if (t instanceof GenType.Ext e) {
            String arg = rng.pick(Pool.valid(e.name()));
            return switch (e.name()) {
                case "ipaddr" -> IpAddrValue.parse(arg);
                case "decimal" -> DecimalValue.parse(arg);
                case "datetime" -> DatetimeValue.parse(arg);
                default -> DurationValue.parse(arg);
            };
        } else if (t instanceof GenType.SetOf s) {
            List<Value> elements = new ArrayList<>();
            int n = depth <= 0 ? 0 : rng.between(0, 3);
            for (int i = 0; i < n; i++) {
                elements.add(value(rng, schema, known, s.element(), depth - 1));
            }
            return SetValue.of(elements);
        } else if (t instanceof GenType.Rec r) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (Map.Entry<String, GenType.Attr> a : r.attributes().entrySet()) {
                if (a.getValue().required() || rng.chance(0.6)) {
                    attrs.put(a.getKey(), value(rng, schema, known, a.getValue().type(), depth - 1));
                }
            }
            return RecordValue.of(attrs);
        } else if (t instanceof GenType.Ent e) {
            EntityType entityType = schema.entityType(e.name());
            List<EntityUid> candidates = known.getOrDefault(entityType, List.of());
            if (!candidates.isEmpty() && rng.chance(0.85)) {
                return rng.pick(candidates);
            }
            return new EntityUid(entityType, rng.pick(Pool.IDS));
        }
        throw new IllegalArgumentException("no values for " + type);
    }

    /** The uids by type of a generated hierarchy (actions included). */
    static Map<EntityType, List<EntityUid>> index(List<Entity> entities) {
        Map<EntityType, List<EntityUid>> out = new LinkedHashMap<>();
        for (Entity e : entities) {
            out.computeIfAbsent(e.uid().type(), k -> new ArrayList<>()).add(e.uid());
        }
        return out;
    }

    /**
     * Now and then, entity data the engines must refuse or accept alike: an entity given twice with the same
     * contents, twice with different contents, or a parent edge that closes a cycle.
     */
    static List<Entity> oddities(Rng rng, List<Entity> entities) {
        List<Entity> out = new ArrayList<>(entities);
        if (out.isEmpty()) {
            return out;
        }
        switch (rng.weighted(94, 2, 2, 2)) {
            case 1 -> out.add(rng.pick(entities));
            case 2 -> {
                Entity e = rng.pick(entities);
                Map<String, Value> attrs = new LinkedHashMap<>(e.attributes());
                attrs.put("extra", BoolValue.TRUE);
                out.add(new Entity(e.uid(), attrs, e.parents(), e.tags()));
            }
            case 3 -> {
                // a parent edge from some ancestor back to a descendant, or a self-loop
                Entity child = rng.pick(entities);
                EntityUid target = child.parents().isEmpty() ? child.uid() : rng.pick(new ArrayList<>(child.parents()));
                for (int i = 0; i < out.size(); i++) {
                    Entity e = out.get(i);
                    if (e.uid().equals(target)) {
                        Set<EntityUid> parents = new LinkedHashSet<>(e.parents());
                        parents.add(child.uid());
                        out.set(i, new Entity(e.uid(), e.attributes(), parents, e.tags()));
                        break;
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** The hierarchy with some entities (never actions) dropped, so that missing-entity paths run. */
    static List<Entity> dropSome(Rng rng, List<Entity> entities) {
        List<Entity> out = new ArrayList<>();
        double p = rng.pick(0.0, 0.0, 0.1, 0.3);
        for (Entity e : entities) {
            if (e.uid().type().isAction() || !rng.chance(p)) {
                out.add(e);
            }
        }
        return out;
    }
}
