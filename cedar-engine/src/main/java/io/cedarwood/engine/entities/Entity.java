package io.cedarwood.engine.entities;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An entity: its uid, attributes, direct parents and tags. Immutable.
 *
 * @throws io.cedarwood.engine.value.CedarException when an attribute or tag value is nested deeper than
 *         {@link Value#MAX_DEPTH} (the attributes counting as one record)
 */
public record Entity(EntityUid uid, Map<String, Value> attributes, Set<EntityUid> parents, Map<String, Value> tags) {
    public Entity {
        Objects.requireNonNull(uid, "uid");
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        parents = Collections.unmodifiableSet(new LinkedHashSet<>(parents));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        for (Map<String, Value> values : List.of(attributes, tags)) {
            for (Value v : values.values()) {
                // only sets and records nest
                if ((v instanceof SetValue || v instanceof RecordValue) && v.depthUpTo(Value.MAX_DEPTH - 1) > Value.MAX_DEPTH - 1) {
                    throw new CedarException("entity `" + uid + "` is nested too deeply: at most " + Value.MAX_DEPTH
                            + " levels of sets and records are supported");
                }
            }
        }
    }

    public Entity(EntityUid uid, Map<String, Value> attributes, Set<EntityUid> parents) {
        this(uid, attributes, parents, Map.of());
    }

    /** An entity with no attributes, parents or tags. */
    public static Entity of(EntityUid uid) {
        return new Entity(uid, Map.of(), Set.of(), Map.of());
    }
}
