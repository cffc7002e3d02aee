package io.cedarwood.jakarta.todo;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * TinyTodo's users and two lists, loaded by uid the way an application would load them from its database:
 * list 1 belongs to kesha (andrew reads it through a team), list 2 to emina. List {@code boom} throws, as a
 * failing database would.
 */
@ApplicationScoped
public class TodoEntities implements EntityProvider {
    private static final EntityUid APP = EntityUid.of("Application", "TinyTodo");
    private final Map<EntityUid, Entity> entities = new HashMap<>();

    public TodoEntities() {
        user("kesha", "ABC17", 5);
        user("aaron", "ABC17", 5, EntityUid.of("Team", "interns"));
        user("emina", "DEF33", 8, EntityUid.of("Team", "admin"));
        user("andrew", "XYZ77", 5, EntityUid.of("Team", "admin"), EntityUid.of("Team", "list1-readers"));
        team("admin");
        team("interns");
        team("list1-readers");
        team("list1-editors");
        team("list2-readers");
        team("list2-editors");
        list("1", "kesha");
        list("2", "emina");
        add(new Entity(APP, Map.of(), Set.of()));
    }

    private void user(String name, String location, long joblevel, EntityUid... teams) {
        Set<EntityUid> parents = new java.util.LinkedHashSet<>(Set.of(teams));
        parents.add(APP);
        add(new Entity(EntityUid.of("User", name),
                Map.of("location", StringValue.of(location), "joblevel", new LongValue(joblevel)), parents));
    }

    private void team(String name) {
        add(new Entity(EntityUid.of("Team", name), Map.of(), Set.of(APP)));
    }

    private void list(String id, String owner) {
        Map<String, Value> attrs = Map.of(
                "name", StringValue.of("list " + id),
                "owner", EntityUid.of("User", owner),
                "readers", EntityUid.of("Team", "list" + id + "-readers"),
                "editors", EntityUid.of("Team", "list" + id + "-editors"),
                "tasks", SetValue.EMPTY);
        add(new Entity(EntityUid.of("List", id), attrs, Set.of(APP)));
    }

    private void add(Entity e) {
        entities.put(e.uid(), e);
    }

    @Override
    public Entity entity(EntityUid uid) {
        if (uid.type().name().equals("List") && uid.id().equals("boom")) {
            throw new IllegalStateException("database down: connection refused to db.internal:5432");
        }
        return entities.get(uid);
    }
}
