package io.cedarwood.engine.validation;

import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.schema.ResolvedSchema;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schema as the validator asks about it: declared entity types with their attributes and tags as
 * validator types, who may be a member of whom (entity types and actions, inverted into descendants),
 * and the request environments (principal type, action, resource type) the schema allows.
 */
final class SchemaView {
    private final Map<EntityType, EntityTypeDef> entityTypes;
    private final Map<EntityUid, ActionDef> actions;
    private final Map<EntityType, Type.RecordType> attributes = new HashMap<>();
    private final Map<EntityType, Type> tags = new HashMap<>();
    private final Map<EntityType, Set<EntityType>> descendants = new HashMap<>();
    private final Map<EntityUid, Set<EntityUid>> actionDescendants = new HashMap<>();
    private final List<RequestEnv> requestEnvs = new ArrayList<>();
    private final Map<SchemaType, Type> converted = new IdentityHashMap<>();

    SchemaView(ResolvedSchema schema) {
        this.entityTypes = schema.entityTypes();
        this.actions = schema.actions();
        for (EntityTypeDef def : entityTypes.values()) {
            attributes.put(def.name(), record(def.shape()));
            def.tags().ifPresent(t -> tags.put(def.name(), of(t)));
            descendants.computeIfAbsent(def.name(), k -> new LinkedHashSet<>());
            for (EntityType ancestor : def.ancestorTypes()) {
                descendants.computeIfAbsent(ancestor, k -> new LinkedHashSet<>()).add(def.name());
            }
        }
        for (ActionDef def : actions.values()) {
            actionDescendants.computeIfAbsent(def.uid(), k -> new LinkedHashSet<>());
            for (EntityUid group : def.ancestors()) {
                actionDescendants.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(def.uid());
            }
            Type.RecordType context = record(def.context());
            for (EntityType principal : def.principalTypes()) {
                for (EntityType resource : def.resourceTypes()) {
                    requestEnvs.add(new RequestEnv(principal, def.uid(), resource, context, null, null));
                }
            }
        }
    }

    /** Every request environment: each action with each of its principal types and resource types. */
    List<RequestEnv> requestEnvs() {
        return requestEnvs;
    }

    Collection<EntityType> entityTypeNames() {
        return entityTypes.keySet();
    }

    EntityTypeDef entityType(EntityType name) {
        return entityTypes.get(name);
    }

    Collection<ActionDef> actions() {
        return actions.values();
    }

    ActionDef action(EntityUid uid) {
        return actions.get(uid);
    }

    /** Declared, or an action type (which any namespace may have, for the purpose of this check). */
    boolean isKnownEntityType(EntityType name) {
        return name.isAction() || entityTypes.containsKey(name);
    }

    /** The declared entity types that may be members of {@code name}, directly or not. */
    Set<EntityType> descendants(EntityType name) {
        return descendants.getOrDefault(name, Set.of());
    }

    /** Whether entities of type {@code descendant} may be members of entities of type {@code ancestor}. */
    boolean hasDescendant(EntityType ancestor, EntityType descendant) {
        return descendants(ancestor).contains(descendant);
    }

    /**
     * The entity types {@code T0} for which {@code T0::"a" in T::"b"} can be true: the descendants of
     * {@code T} and {@code T} itself.
     */
    Set<EntityType> entityTypesIn(EntityType type) {
        Set<EntityType> in = new LinkedHashSet<>(descendants(type));
        in.add(type);
        return in;
    }

    /**
     * The actions {@code a} for which {@code a in [groups]} is true (the groups and their descendants), or
     * {@code null} when one of the groups is not a declared action.
     */
    Set<EntityUid> actionsIn(Collection<EntityUid> groups) {
        Set<EntityUid> in = new LinkedHashSet<>();
        for (EntityUid group : groups) {
            Set<EntityUid> d = actionDescendants.get(group);
            if (d == null) {
                return null;
            }
            in.addAll(d);
            in.add(group);
        }
        return in;
    }

    /** The actions declared members (directly or not) of {@code group}. */
    Set<EntityUid> actionDescendants(EntityUid group) {
        return actionDescendants.getOrDefault(group, Set.of());
    }

    /** The attributes of a declared entity type, {@code null} for others (actions have none). */
    Type.RecordType attributes(EntityType name) {
        return attributes.get(name);
    }

    /** The type of the tags of a declared entity type, {@code null} when it has none. */
    Type tagType(EntityType name) {
        return tags.get(name);
    }

    /**
     * A schema type as a validator type; records are closed. A schema type used in many places (a common
     * type) is one object, and so is its validator type: converted once, never expanded into a tree, which
     * could be exponentially larger than the schema (each of 28 record types naming the next one twice).
     */
    /** The validator type of a primitive or extension schema type (not kept: no identity to share). */
    Type type(SchemaType t) {
        return convert(t);
    }

    private Type of(SchemaType t) {
        Type done = converted.get(t);
        if (done == null) {
            done = convert(t);
            converted.put(t, done);
        }
        return done;
    }

    private Type convert(SchemaType t) {
        if (t instanceof SchemaType.BoolType) {
            return Type.BOOL;
        } else if (t instanceof SchemaType.LongType) {
            return Type.LONG;
        } else if (t instanceof SchemaType.StringType) {
            return Type.STRING;
        } else if (t instanceof SchemaType.SetType s) {
            return Type.set(of(s.element()));
        } else if (t instanceof SchemaType.RecordType r) {
            return convertRecord(r);
        } else if (t instanceof SchemaType.EntityRefType e) {
            return Type.entity(e.entityType());
        }
        return new Type.ExtensionType(((SchemaType.ExtensionType) t).name());
    }

    private Type.RecordType record(SchemaType.RecordType r) {
        return (Type.RecordType) of(r);
    }

    private Type.RecordType convertRecord(SchemaType.RecordType r) {
        Map<String, Type.Attribute> attributes = new TreeMap<>();
        for (Map.Entry<String, SchemaType.AttributeType> e : r.attributes().entrySet()) {
            attributes.put(e.getKey(), new Type.Attribute(of(e.getValue().type()), e.getValue().required()));
        }
        return new Type.RecordType(new TreeMap<>(attributes), false);
    }
}
