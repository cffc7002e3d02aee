package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cedarwood.engine.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities JSON format: an array of {@code {"uid": ..., "attrs": {...}, "parents": [...], "tags": {...}}}.
 * As in the reference ({@code cedar-policy-core/src/entities/json/entities.rs}), {@code uid}, {@code attrs}
 * and {@code parents} are required, {@code tags} is optional, other keys are ignored, and an action's
 * parents must be actions.
 */
final class EntityJson {
    private EntityJson() {
    }

    static List<Entity> read(Node root, ValueReader values) {
        Node.Arr array = Shapes.array(root, Path.ROOT);
        List<Entity> entities = new ArrayList<>(array.elements().size());
        for (int i = 0; i < array.elements().size(); i++) {
            entities.add(readEntity(array.elements().get(i), Path.ROOT.index(i), values));
        }
        return entities;
    }

    private static Entity readEntity(Node n, Path path, ValueReader values) {
        Shapes.Fields f = Shapes.Fields.lenient(Shapes.object(n, path), path);
        EntityUid uid = ValueReader.readEntityRef(f.required("uid"), f.path("uid"));
        Map<String, Value> attrs = readValues(f.required("attrs"), f.path("attrs"), values);
        Node.Arr parentsArray = Shapes.array(f.required("parents"), f.path("parents"));
        Set<EntityUid> parents = new LinkedHashSet<>();
        for (int i = 0; i < parentsArray.elements().size(); i++) {
            Node p = parentsArray.elements().get(i);
            Path parentPath = f.path("parents").index(i);
            EntityUid parent = ValueReader.readEntityRef(p, parentPath);
            if (uid.type().isAction() && !parent.type().isAction()) {
                throw Shapes.error(p, parentPath, "action `" + uid + "` has a non-action parent `" + parent + "`");
            }
            parents.add(parent);
        }
        Node tagsNode = f.optional("tags");
        Map<String, Value> tags = tagsNode == null ? Map.of() : readValues(tagsNode, f.path("tags"), values);
        return new Entity(uid, attrs, parents, tags);
    }

    private static Map<String, Value> readValues(Node n, Path path, ValueReader values) {
        Node.Obj obj = Shapes.object(n, path);
        Map<String, Value> out = new LinkedHashMap<>();
        for (Node.Member m : obj.members().values()) {
            String key = m.key().value();
            out.put(key, values.read(m.value(), path.key(key), ExpectedType.UNKNOWN));
        }
        return out;
    }

    static void write(JsonGenerator g, Iterable<Entity> entities) throws IOException {
        g.writeStartArray();
        for (Entity e : entities) {
            g.writeStartObject();
            g.writeFieldName("uid");
            ValueWriter.writeEntityRef(g, e.uid());
            g.writeFieldName("attrs");
            ValueWriter.writeRecord(g, e.attributes());
            g.writeArrayFieldStart("parents");
            for (EntityUid parent : e.parents()) {
                ValueWriter.writeEntityRef(g, parent);
            }
            g.writeEndArray();
            if (!e.tags().isEmpty()) {
                g.writeFieldName("tags");
                ValueWriter.writeRecord(g, e.tags());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
