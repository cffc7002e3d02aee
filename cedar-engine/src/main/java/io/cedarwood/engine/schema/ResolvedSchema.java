package io.cedarwood.engine.schema;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.extensions.ValueType;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema with every name resolved: the declared entity types, the declared actions (action
 * hierarchy transitively closed) and the declared common types, all by fully qualified name. Immutable.
 */
public final class ResolvedSchema {
    /** The schema type of an extension function's argument or result: the one mapping of {@link ValueType}. */
    public static SchemaType typeOf(ValueType type) {
        return switch (type) {
            case BOOL -> SchemaType.BOOL;
            case LONG -> SchemaType.LONG;
            case STRING -> SchemaType.STRING;
            case IPADDR, DECIMAL, DATETIME, DURATION -> new SchemaType.ExtensionType(type.cedarName());
        };
    }

    private final Map<EntityType, EntityTypeDef> entityTypes;
    private final Map<EntityUid, ActionDef> actions;
    private final Map<String, SchemaType> commonTypes;

    ResolvedSchema(Map<EntityType, EntityTypeDef> entityTypes, Map<EntityUid, ActionDef> actions,
                   Map<String, SchemaType> commonTypes) {
        this.entityTypes = Collections.unmodifiableMap(new LinkedHashMap<>(entityTypes));
        this.actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        this.commonTypes = Collections.unmodifiableMap(new LinkedHashMap<>(commonTypes));
    }

    /** The declared entity types by name, in declaration order. Action types are not among them. */
    public Map<EntityType, EntityTypeDef> entityTypes() {
        return entityTypes;
    }

    /** The declared actions by entity uid, in declaration order. */
    public Map<EntityUid, ActionDef> actions() {
        return actions;
    }

    /**
     * The action entities the schema declares: each action with its action groups as parents, no
     * attributes, no tags. Authorization takes action entities from here.
     */
    public List<Entity> actionEntities() {
        List<Entity> entities = new ArrayList<>(actions.size());
        for (ActionDef a : actions.values()) {
            entities.add(new Entity(a.uid(), Map.of(), a.memberOf()));
        }
        return entities;
    }

    /** The declared common types by fully qualified name ({@code NS::Name}), resolved. */
    public Map<String, SchemaType> commonTypes() {
        return commonTypes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedSchema other && entityTypes.equals(other.entityTypes)
                && actions.equals(other.actions) && commonTypes.equals(other.commonTypes);
    }

    @Override
    public int hashCode() {
        return entityTypes.hashCode() * 31 + actions.hashCode();
    }
}
