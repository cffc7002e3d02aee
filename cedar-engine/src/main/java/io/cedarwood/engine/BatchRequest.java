package io.cedarwood.engine;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Many requests of one principal in one context: the (action, resource) pairs of a list page, say. Given
 * to {@link Authorizer#isAuthorizedBatch}, which answers each pair as {@link Authorizer#isAuthorized} would.
 */
public record BatchRequest(EntityUid principal, RecordValue context, List<Pair> pairs) {
    public BatchRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(context, "context");
        pairs = List.copyOf(pairs);
    }

    public BatchRequest(EntityUid principal, List<Pair> pairs) {
        this(principal, RecordValue.EMPTY, pairs);
    }

    /** One action on one resource. */
    public record Pair(EntityUid action, EntityUid resource) {
        public Pair {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * {@code entities}, with the principal and its ancestors looked up at most once: an in-memory
     * {@link Entities} as it is (it has nothing to load), any other provider behind a cache of those two.
     */
    EntityProvider withPrincipalCached(EntityProvider entities) {
        if (entities instanceof Entities) {
            return entities;
        }
        return new EntityProvider() {
            private boolean entityLoaded;
            private Entity entity;
            private Set<EntityUid> ancestors;

            @Override
            public Entity entity(EntityUid uid) {
                if (!uid.equals(principal)) {
                    return entities.entity(uid);
                }
                if (!entityLoaded) {
                    entity = entities.entity(uid);
                    entityLoaded = true;
                }
                return entity;
            }

            @Override
            public Set<EntityUid> ancestors(EntityUid uid) {
                if (!uid.equals(principal)) {
                    return entities.ancestors(uid);
                }
                if (ancestors == null) {
                    ancestors = entities.ancestors(uid);
                }
                return ancestors;
            }
        };
    }
}
