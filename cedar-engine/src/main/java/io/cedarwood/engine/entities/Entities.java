package io.cedarwood.engine.entities;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A complete, immutable entity store with the ancestor relation computed once when it is built. Safe to
 * share between threads.
 *
 * <p>The ancestors of an entity are its parents, their parents, and so on. A parent need not be in the
 * store: it is then an ancestor without ancestors of its own, as in the reference.
 */
public final class Entities implements EntityProvider, Iterable<Entity> {
    public static final Entities EMPTY = new Entities(Map.of(), Map.of());

    private final Map<EntityUid, Entity> entities;
    private final Map<EntityUid, Set<EntityUid>> ancestors;

    private Entities(Map<EntityUid, Entity> entities, Map<EntityUid, Set<EntityUid>> ancestors) {
        this.entities = entities;
        this.ancestors = ancestors;
    }

    /**
     * A store of these entities. An entity given twice with the same contents counts once, as in the
     * reference.
     *
     * @throws CedarException when two different entities share a uid, or the parent relation has a cycle
     *         (an entity would be its own ancestor)
     */
    public static Entities of(Collection<Entity> entities) {
        Map<EntityUid, Entity> byUid = new LinkedHashMap<>();
        for (Entity e : entities) {
            Objects.requireNonNull(e, "entity");
            Entity previous = byUid.putIfAbsent(e.uid(), e);
            if (previous != null && !previous.equals(e)) {
                throw new CedarException("duplicate entity entry `" + e.uid() + "`");
            }
        }
        if (byUid.isEmpty()) {
            return EMPTY;
        }
        return new Entities(Collections.unmodifiableMap(byUid), Collections.unmodifiableMap(closure(byUid)));
    }

    /**
     * The most ancestors kept for one entity. An entity with more (deep in a long chain of parents, or
     * below one) has its ancestors found by a walk of the parents each time they are asked for, so that
     * the store stays linear in its input rather than quadratic (the reference keeps them all: a chain of
     * 10,000 parents would be 50 million pairs). See docs/limits.md.
     */
    static final int MAX_KEPT_ANCESTORS = 64;

    /** Marks, in the closure, an entity whose ancestors are too many to keep. */
    private static final Set<EntityUid> WALK = Collections.unmodifiableSet(new LinkedHashSet<>());

    /**
     * The ancestors of every entity: a depth-first walk of the parent relation, without recursion so that
     * a long chain of parents cannot exhaust the stack. Each entity's set is the union of its parents and
     * their (already computed) sets, or {@link #WALK} past {@link #MAX_KEPT_ANCESTORS}; meeting an entity
     * whose set is still being computed means a cycle.
     */
    private static Map<EntityUid, Set<EntityUid>> closure(Map<EntityUid, Entity> byUid) {
        Map<EntityUid, Set<EntityUid>> done = new HashMap<>();
        Set<EntityUid> inProgress = new LinkedHashSet<>();
        for (EntityUid root : byUid.keySet()) {
            if (done.containsKey(root)) {
                continue;
            }
            // each frame: an entity and an iterator over the parents still to visit
            Deque<Map.Entry<EntityUid, Iterator<EntityUid>>> stack = new ArrayDeque<>();
            stack.push(Map.entry(root, byUid.get(root).parents().iterator()));
            inProgress.add(root);
            while (!stack.isEmpty()) {
                Map.Entry<EntityUid, Iterator<EntityUid>> frame = stack.peek();
                Iterator<EntityUid> parents = frame.getValue();
                if (parents.hasNext()) {
                    EntityUid parent = parents.next();
                    if (inProgress.contains(parent)) {
                        throw new CedarException("the entity hierarchy has a cycle: `" + parent
                                + "` is its own ancestor");
                    }
                    Entity parentEntity = byUid.get(parent);
                    if (parentEntity != null && !done.containsKey(parent)) {
                        stack.push(Map.entry(parent, parentEntity.parents().iterator()));
                        inProgress.add(parent);
                    }
                    continue;
                }
                stack.pop();
                EntityUid uid = frame.getKey();
                inProgress.remove(uid);
                Set<EntityUid> result = new LinkedHashSet<>();
                for (EntityUid parent : byUid.get(uid).parents()) {
                    Set<EntityUid> above = done.getOrDefault(parent, Set.of());
                    if (above == WALK) {
                        result = WALK;
                        break;
                    }
                    result.add(parent);
                    result.addAll(above);
                    if (result.size() > MAX_KEPT_ANCESTORS) {
                        result = WALK;
                        break;
                    }
                }
                done.put(uid, result == WALK ? WALK : result.isEmpty() ? Set.of() : Collections.unmodifiableSet(result));
            }
        }
        return done;
    }

    /** The ancestors of an entity whose set was not kept: a walk of the parents, using the sets kept. */
    private Set<EntityUid> walk(EntityUid uid) {
        Set<EntityUid> result = new LinkedHashSet<>();
        Deque<EntityUid> toVisit = new ArrayDeque<>(entities.get(uid).parents());
        while (!toVisit.isEmpty()) {
            EntityUid next = toVisit.pop();
            if (!result.add(next)) {
                continue;
            }
            Set<EntityUid> kept = ancestors.getOrDefault(next, Set.of());
            if (kept == WALK) {
                toVisit.addAll(entities.get(next).parents());
            } else {
                result.addAll(kept);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    @Override
    public Entity entity(EntityUid uid) {
        return entities.get(uid);
    }

    /**
     * Every ancestor of {@code uid}, computed when the store was built (for an entity with more than
     * {@link #MAX_KEPT_ANCESTORS}, when asked); empty when the entity is absent.
     */
    @Override
    public Set<EntityUid> ancestors(EntityUid uid) {
        Set<EntityUid> kept = ancestors.getOrDefault(uid, Set.of());
        return kept == WALK ? walk(uid) : kept;
    }

    /** Whether the store has an entity with this uid. */
    public boolean contains(EntityUid uid) {
        return entities.containsKey(uid);
    }

    /** Every entity, in the order given to {@link #of}. */
    public Collection<Entity> all() {
        return entities.values();
    }

    public int size() {
        return entities.size();
    }

    public boolean isEmpty() {
        return entities.isEmpty();
    }

    @Override
    public Iterator<Entity> iterator() {
        return all().iterator();
    }

    /** Two stores are equal when they hold equal entities. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Entities other && entities.equals(other.entities);
    }

    @Override
    public int hashCode() {
        return entities.hashCode();
    }

    @Override
    public String toString() {
        return "Entities" + entities.keySet();
    }
}
