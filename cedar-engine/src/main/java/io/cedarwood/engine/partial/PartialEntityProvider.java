package io.cedarwood.engine.partial;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entities of which some parts may be unknown. An entity is either known (it exists, or is known not to,
 * as {@link EntityProvider} answers), or unknown as a whole (whether it exists, its attributes, ancestors
 * and tags); a known entity may still have unknown attributes (whether it has one, and its value).
 *
 * <p>A completion of these entities keeps every known part (a known entity's ancestors are final: they are
 * the complete set) and fills in the unknown ones: the partial evaluator's residuals are exact for every
 * completion.
 */
public interface PartialEntityProvider extends EntityProvider {

    /** Whether nothing is known of {@code uid}: {@link #entity} and {@link #ancestors} are then not asked. */
    boolean isUnknown(EntityUid uid);

    /**
     * Whether it is unknown if the known entity {@code uid} has {@code attribute}, and what its value is; the
     * attribute {@link #entity} reports, if any, is then ignored.
     */
    boolean isUnknownAttribute(EntityUid uid, String attribute);

    /** Every entity known: exactly what {@code entities} says. */
    static PartialEntityProvider of(EntityProvider entities) {
        return of(entities, Set.of(), Map.of());
    }

    /**
     * What {@code entities} says, except that the entities in {@code unknownEntities} are unknown, and so
     * are the attributes {@code unknownAttributes} names for an entity.
     */
    static PartialEntityProvider of(EntityProvider entities, Set<EntityUid> unknownEntities,
            Map<EntityUid, Set<String>> unknownAttributes) {
        Objects.requireNonNull(entities, "entities");
        Set<EntityUid> unknown = Set.copyOf(unknownEntities);
        Map<EntityUid, Set<String>> attributes = Map.copyOf(unknownAttributes);
        return new PartialEntityProvider() {
            @Override
            public Entity entity(EntityUid uid) {
                return entities.entity(uid);
            }

            @Override
            public Set<EntityUid> ancestors(EntityUid uid) {
                return entities.ancestors(uid);
            }

            @Override
            public boolean isUnknown(EntityUid uid) {
                return unknown.contains(uid);
            }

            @Override
            public boolean isUnknownAttribute(EntityUid uid, String attribute) {
                Set<String> names = attributes.get(uid);
                return names != null && names.contains(attribute);
            }
        };
    }
}
