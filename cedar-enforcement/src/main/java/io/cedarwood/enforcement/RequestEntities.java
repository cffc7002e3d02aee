package io.cedarwood.enforcement;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities of one decision: the principal as the framework describes it, merged with the
 * application's entity of the same uid; the schema's action entities; then the application's provider,
 * each entity asked for at most once (also when it has none). An entity the provider answers with a uid
 * other than the one asked for is refused ({@link IllegalStateException}, so the decision fails closed):
 * a provider that parses {@code List::"01"} as list 1 would otherwise let {@code "01"} bypass a policy
 * written for {@code List::"1"}. Used by one thread for one decision.
 */
public final class RequestEntities implements EntityProvider {
    private final Map<EntityUid, Entity> local = new HashMap<>();
    private final EntityProvider application;
    private final Map<EntityUid, Entity> fetched = new HashMap<>();
    private final Map<EntityUid, Set<EntityUid>> ancestors = new HashMap<>();

    /**
     * The entities a decision about {@code principal} reads (and so what a filter of the resources it may
     * reach must read: {@code io.cedarwood.enforcement.filter}): {@code principal} as the framework describes it
     * ({@code null} for none) merged with the application's, the action entities, then {@code application}.
     */
    public static RequestEntities of(Entity principal, List<Entity> actionEntities, EntityProvider application) {
        return new RequestEntities(principal, actionEntities, application);
    }

    RequestEntities(Entity principal, List<Entity> actionEntities, EntityProvider application) {
        this.application = application;
        for (Entity action : actionEntities) {
            local.put(action.uid(), action);
        }
        if (principal != null) {
            local.put(principal.uid(), merge(principal, fetch(principal.uid())));
        }
    }

    @Override
    public Entity entity(EntityUid uid) {
        Entity e = local.get(uid);
        return e != null ? e : fetch(uid);
    }

    @Override
    public Set<EntityUid> ancestors(EntityUid uid) {
        Set<EntityUid> known = ancestors.get(uid);
        if (known == null) {
            known = EntityProvider.super.ancestors(uid);
            ancestors.put(uid, known);
        }
        return known;
    }

    private Entity fetch(EntityUid uid) {
        if (fetched.containsKey(uid)) {
            return fetched.get(uid);
        }
        Entity e = application.entity(uid);
        if (e != null && !e.uid().equals(uid)) {
            throw new IllegalStateException("the entity provider answered `" + e.uid().toCedar() + "` when asked for `"
                    + uid.toCedar() + "`: entity ids must be canonical, one spelling per entity");
        }
        fetched.put(uid, e);
        return e;
    }

    /** The application's entity with the framework's parents added, and its attributes where it has none. */
    private static Entity merge(Entity fromFramework, Entity fromApplication) {
        if (fromApplication == null) {
            return fromFramework;
        }
        Map<String, Value> attributes = new LinkedHashMap<>(fromFramework.attributes());
        attributes.putAll(fromApplication.attributes());
        Set<EntityUid> parents = new LinkedHashSet<>(fromApplication.parents());
        parents.addAll(fromFramework.parents());
        Map<String, Value> tags = new LinkedHashMap<>(fromFramework.tags());
        tags.putAll(fromApplication.tags());
        return new Entity(fromApplication.uid(), attributes, parents, tags);
    }
}
