package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.ExtensionValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether values, entities and requests conform to a schema, checked as the reference checks them
 * (its request validation and entity conformance): each check gives the first problem found, or nothing.
 */
public final class SchemaConformance {
    private SchemaConformance() {
    }

    /**
     * Whether {@code value} has type {@code type}: primitives exactly, every element of a set (any empty
     * set has every set type), a record with every required attribute, no undeclared one and each present
     * one of its type, an entity of exactly the entity type, an extension value of the extension type.
     */
    public static Optional<String> checkValue(Value value, SchemaType type) {
        return typeMismatch(value, type, 0);
    }

    private static Optional<String> typeMismatch(Value value, SchemaType type, int depth) {
        if (depth > SchemaLimits.MAX_TYPE_DEPTH) {
            return Optional.of("value is nested too deeply to check against `" + type + "`");
        }
        boolean ok;
        if (type instanceof SchemaType.BoolType) {
            ok = value instanceof BoolValue;
        } else if (type instanceof SchemaType.LongType) {
            ok = value instanceof LongValue;
        } else if (type instanceof SchemaType.StringType) {
            ok = value instanceof StringValue;
        } else if (type instanceof SchemaType.EntityRefType e) {
            ok = value instanceof EntityUid uid && uid.type().equals(e.entityType());
        } else if (type instanceof SchemaType.ExtensionType e) {
            ok = value instanceof ExtensionValue x && x.typeName().equals(e.name());
        } else if (type instanceof SchemaType.SetType s) {
            if (!(value instanceof SetValue set)) {
                return mismatch(value, type);
            }
            for (Value element : set.elements()) {
                Optional<String> problem = typeMismatch(element, s.element(), depth + 1);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } else {
            SchemaType.RecordType r = (SchemaType.RecordType) type;
            if (!(value instanceof RecordValue record)) {
                return mismatch(value, type);
            }
            for (Map.Entry<String, SchemaType.AttributeType> a : r.attributes().entrySet()) {
                if (a.getValue().required() && !record.has(a.getKey())) {
                    return Optional.of("value " + value.toCedar() + " is missing the required attribute `"
                            + a.getKey() + "` of type `" + type + "`");
                }
            }
            for (Map.Entry<String, Value> a : record.attributes().entrySet()) {
                SchemaType.AttributeType declared = r.attribute(a.getKey());
                if (declared == null) {
                    return Optional.of("value " + value.toCedar() + " has the attribute `" + a.getKey()
                            + "`, which type `" + type + "` does not declare");
                }
                Optional<String> problem = typeMismatch(a.getValue(), declared.type(), depth + 1);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        return ok ? Optional.empty() : mismatch(value, type);
    }

    private static Optional<String> mismatch(Value value, SchemaType type) {
        return Optional.of("value " + value.toCedar() + " does not have the type `" + type + "`");
    }

    /**
     * Whether every entity uid inside {@code value} can exist: an entity of an enumerated entity type has
     * one of its ids, an action is declared.
     */
    public static Optional<String> checkEntityUids(ResolvedSchema schema, Value value) {
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(value);
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (v instanceof EntityUid uid) {
                Optional<String> problem = checkEntityUid(schema, uid);
                if (problem.isPresent()) {
                    return problem;
                }
            } else if (v instanceof SetValue set) {
                set.elements().forEach(todo::push);
            } else if (v instanceof RecordValue record) {
                record.attributes().values().forEach(todo::push);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkEntityUid(ResolvedSchema schema, EntityUid uid) {
        EntityTypeDef def = schema.entityTypes().get(uid.type());
        if (def != null && def.isEnum() && !def.enumChoices().orElseThrow().contains(uid.id())) {
            return Optional.of("entity `" + uid + "` is of an enumerated entity type, but `" + uid.id()
                    + "` is not one of its ids");
        }
        if (uid.type().isAction() && !schema.actions().containsKey(uid)) {
            return Optional.of("action `" + uid + "` is not declared in the schema");
        }
        return Optional.empty();
    }

    /**
     * Whether a request is valid for the schema: principal and resource of declared entity types (with
     * valid ids for enumerated ones), a declared action that applies to them, a context of the action's
     * context type.
     */
    public static Optional<String> checkRequest(ResolvedSchema schema, Request request) {
        for (EntityUid uid : new EntityUid[] {request.principal(), request.resource()}) {
            String role = uid == request.principal() ? "principal" : "resource";
            EntityTypeDef def = schema.entityTypes().get(uid.type());
            if (def == null) {
                return Optional.of(role + " type `" + uid.type() + "` is not declared in the schema");
            }
            Optional<String> problem = checkEntityUid(schema, uid);
            if (problem.isPresent()) {
                return problem;
            }
        }
        ActionDef action = schema.actions().get(request.action());
        if (action == null) {
            return Optional.of("request's action `" + request.action() + "` is not declared in the schema");
        }
        if (!action.principalTypes().contains(request.principal().type())) {
            return Optional.of("principal type `" + request.principal().type() + "` is not valid for `"
                    + request.action() + "`");
        }
        if (!action.resourceTypes().contains(request.resource().type())) {
            return Optional.of("resource type `" + request.resource().type() + "` is not valid for `"
                    + request.action() + "`");
        }
        Optional<String> problem = checkEntityUids(schema, request.context());
        if (problem.isPresent()) {
            return problem;
        }
        Optional<String> mismatch = typeMismatch(request.context(), action.context(), 0);
        if (mismatch.isPresent()) {
            return Optional.of("context " + request.context().toCedar() + " is not valid for `"
                    + request.action() + "`: " + mismatch.get());
        }
        return Optional.empty();
    }

    /**
     * Whether an entity conforms to the schema: a declared type (a valid id if enumerated); every required
     * attribute, no undeclared one, each of its type; parents of types its type may be a member of
     * (directly or transitively); tags only if the type has tags, each of the tag type. An action entity
     * must be a declared action, without attributes or tags, whose parents are the action groups the
     * schema declares (directly, or through one another).
     */
    public static Optional<String> checkEntity(ResolvedSchema schema, Entity entity) {
        EntityUid uid = entity.uid();
        if (uid.type().isAction()) {
            return checkActionEntity(schema, entity);
        }
        EntityTypeDef def = schema.entityTypes().get(uid.type());
        if (def == null) {
            return Optional.of("entity `" + uid + "` has type `" + uid.type() + "`, which is not declared in the schema");
        }
        Optional<String> problem = checkEntityUid(schema, uid);
        if (problem.isPresent()) {
            return problem;
        }
        for (Map.Entry<String, SchemaType.AttributeType> a : def.shape().attributes().entrySet()) {
            if (a.getValue().required() && !entity.attributes().containsKey(a.getKey())) {
                return Optional.of("entity `" + uid + "` is missing the required attribute `" + a.getKey() + "`");
            }
        }
        for (Map.Entry<String, Value> a : entity.attributes().entrySet()) {
            SchemaType.AttributeType declared = def.shape().attribute(a.getKey());
            if (declared == null) {
                return Optional.of("attribute `" + a.getKey() + "` of entity `" + uid + "` is not declared in the schema");
            }
            if (typeMismatch(a.getValue(), declared.type(), 0).isPresent()) {
                return Optional.of("in attribute `" + a.getKey() + "` of entity `" + uid + "`, value "
                        + a.getValue().toCedar() + " does not have the expected type `" + declared.type() + "`");
            }
            problem = checkEntityUids(schema, a.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (EntityUid parent : entity.parents()) {
            problem = checkEntityUid(schema, parent);
            if (problem.isPresent()) {
                return problem;
            }
            if (!def.ancestorTypes().contains(parent.type())) {
                return Optional.of("entity `" + uid + "` has a parent of type `" + parent.type()
                        + "`, which its type `" + uid.type() + "` cannot be a member of");
            }
        }
        if (!entity.tags().isEmpty() && def.tags().isEmpty()) {
            return Optional.of("entity `" + uid + "` has the tag `" + entity.tags().keySet().iterator().next()
                    + "`, but its type `" + uid.type() + "` has no tags");
        }
        for (Map.Entry<String, Value> t : entity.tags().entrySet()) {
            SchemaType tagType = def.tags().orElseThrow();
            if (typeMismatch(t.getValue(), tagType, 0).isPresent()) {
                return Optional.of("in tag `" + t.getKey() + "` of entity `" + uid + "`, value "
                        + t.getValue().toCedar() + " does not have the expected type `" + tagType + "`");
            }
            problem = checkEntityUids(schema, t.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkActionEntity(ResolvedSchema schema, Entity entity) {
        if (!schema.actions().containsKey(entity.uid())) {
            return Optional.of("action `" + entity.uid() + "` is not declared in the schema");
        }
        Set<EntityUid> reached = new HashSet<>();
        for (EntityUid parent : entity.parents()) {
            ActionDef p = schema.actions().get(parent);
            if (p == null) {
                return Optional.of("action `" + parent + "` is not declared in the schema");
            }
            reached.add(parent);
            reached.addAll(p.ancestors());
        }
        return checkActionEntity(schema, entity, reached);
    }

    /**
     * Whether an action entity, whose ancestors in the entity data it comes from are {@code ancestors},
     * agrees with the schema as the reference requires of action entities in entity data: a declared
     * action, without attributes or tags, with exactly the ancestors the schema gives it.
     */
    public static Optional<String> checkActionEntity(ResolvedSchema schema, Entity entity, Set<EntityUid> ancestors) {
        ActionDef action = schema.actions().get(entity.uid());
        if (action == null) {
            return Optional.of("action `" + entity.uid() + "` is not declared in the schema");
        }
        if (!entity.attributes().isEmpty() || !entity.tags().isEmpty() || !ancestors.equals(action.ancestors())) {
            return Optional.of("definition of action `" + entity.uid() + "` does not match its schema declaration");
        }
        return Optional.empty();
    }
}
