package io.cedarwood.engine;

import io.cedarwood.engine.value.EntityUid;

import java.util.Collection;
import java.util.Set;

/**
 * A complete, immutable entity store with the ancestor relation computed once when it is built. Safe to
 * share between threads. STUB: to be implemented by the evaluator work.
 */
public final class Entities implements EntityProvider {
    public static final Entities EMPTY = new Entities();

    private Entities() {
    }

    /**
     * A store of these entities.
     *
     * @throws CedarException when two entities share a uid, or the parent relation has a cycle
     */
    public static Entities of(Collection<Entity> entities) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Entity entity(EntityUid uid) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Set<EntityUid> ancestors(EntityUid uid) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
