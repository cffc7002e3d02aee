package io.cedarwood.engine.entities;

import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the authorizer finds entities while it evaluates a request. {@link Entities} is the complete,
 * pre-computed store; integrations may implement this to load only the entities a request touches.
 * Implementations must be safe to call from the thread that evaluates the request.
 */
public interface EntityProvider {

    /** The entity with this uid, or {@code null} when there is none. */
    Entity entity(EntityUid uid);

    /**
     * Every ancestor of {@code uid} (parents, their parents, ...), not including {@code uid} itself; empty
     * when the entity is absent. The default walks {@link #entity} parent by parent.
     */
    default Set<EntityUid> ancestors(EntityUid uid) {
        Set<EntityUid> seen = new LinkedHashSet<>();
        Deque<EntityUid> todo = new ArrayDeque<>();
        Entity start = entity(uid);
        if (start == null) {
            return Set.of();
        }
        todo.addAll(start.parents());
        while (!todo.isEmpty()) {
            EntityUid next = todo.pop();
            if (seen.add(next)) {
                Entity e = entity(next);
                if (e != null) {
                    todo.addAll(e.parents());
                }
            }
        }
        return seen;
    }
}
