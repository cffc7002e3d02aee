package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.schema.ResolvedSchema;
import io.cedarwood.engine.schema.SchemaConformance;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            entities.add(readEntity(array.elements().get(i), Path.ROOT.index(i), values, null));
        }
        return entities;
    }

    /**
     * Reads entities with a schema, as the reference's {@code EntityJsonParser} with a schema followed by
     * {@code Entities::from_entities}: attribute and tag values are read with their declared types, every
     * entity that is not an action must conform to its declared type, and action entities given in the
     * data must agree with the schema's, their ancestors being those the data's own hierarchy gives them.
     * The result holds the data's other entities, in order, then the schema's action entities.
     */
    static List<Entity> read(Node root, ValueReader values, ResolvedSchema schema) {
        Node.Arr array = Shapes.array(root, Path.ROOT);
        List<Entity> entities = new ArrayList<>(array.elements().size() + schema.actions().size());
        List<Entity> actions = new ArrayList<>();
        List<Integer> actionIndexes = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            Node n = array.elements().get(i);
            Path path = Path.ROOT.index(i);
            Entity entity = readEntity(n, path, values, schema);
            if (entity.uid().type().isAction()) {
                actions.add(entity);
                actionIndexes.add(i);
            } else {
                Optional<String> problem = SchemaConformance.checkEntity(schema, entity);
                if (problem.isPresent()) {
                    throw Shapes.error(n, path, problem.get());
                }
                entities.add(entity);
            }
        }
        Entities hierarchy;
        try {
            hierarchy = Entities.of(actions);
        } catch (CedarException e) {
            throw Shapes.error(root, Path.ROOT, e.getMessage());
        }
        for (int i = 0; i < actions.size(); i++) {
            Entity action = actions.get(i);
            Optional<String> problem = SchemaConformance.checkActionEntity(schema, action,
                    hierarchy.ancestors(action.uid()));
            if (problem.isPresent()) {
                int index = actionIndexes.get(i);
                throw Shapes.error(array.elements().get(index), Path.ROOT.index(index), problem.get());
            }
        }
        entities.addAll(schema.actionEntities());
        return entities;
    }

    /**
     * One entity; with a schema, an entity that is not an action must be of a declared type, and its
     * attributes and tags are read with their declared types (an undeclared attribute, or a tag of a type
     * without tags, is an error). An action's attributes and tags are read without a schema, as the
     * reference reads them; whether it agrees with the schema is checked afterwards.
     */
    private static Entity readEntity(Node n, Path path, ValueReader values, ResolvedSchema schema) {
        Shapes.Fields f = Shapes.Fields.lenient(Shapes.object(n, path), path);
        EntityUid uid = ValueReader.readEntityRef(f.required("uid"), f.path("uid"));
        EntityTypeDef def = null;
        if (schema != null && !uid.type().isAction()) {
            def = schema.entityTypes().get(uid.type());
            if (def == null) {
                throw Shapes.error(f.required("uid"), f.path("uid"), "entity `" + uid + "` has type `" + uid.type()
                        + "`, which is not declared in the schema");
            }
        }
        EntityTypeDef type = def;
        Map<String, Value> attrs = readValues(f.required("attrs"), f.path("attrs"), values, (key, at) -> {
            if (type == null) {
                return ExpectedType.UNKNOWN;
            }
            SchemaType.AttributeType declared = type.shape().attribute(key);
            if (declared == null) {
                throw Shapes.error(at, f.path("attrs").key(key), "attribute `" + key + "` of entity `" + uid
                        + "` is not declared in the schema");
            }
            return ExpectedType.of(declared.type());
        });
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
        Map<String, Value> tags = tagsNode == null ? Map.of() : readValues(tagsNode, f.path("tags"), values, (key, at) -> {
            if (type == null) {
                return ExpectedType.UNKNOWN;
            }
            if (type.tags().isEmpty()) {
                throw Shapes.error(at, f.path("tags").key(key), "entity `" + uid + "` has the tag `" + key
                        + "`, but its type `" + uid.type() + "` has no tags");
            }
            return ExpectedType.of(type.tags().get());
        });
        return new Entity(uid, attrs, parents, tags);
    }

    /** What is expected of the value of one key, given the key as written; may throw instead. */
    @FunctionalInterface
    private interface Expectation {
        ExpectedType of(String key, Node.Str keyNode);
    }

    private static Map<String, Value> readValues(Node n, Path path, ValueReader values, Expectation expectation) {
        Node.Obj obj = Shapes.object(n, path);
        Map<String, Value> out = new LinkedHashMap<>();
        for (Node.Member m : obj.members().values()) {
            String key = m.key().value();
            out.put(key, values.read(m.value(), path.key(key), expectation.of(key, m.key())));
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
