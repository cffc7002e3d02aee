package io.cedarwood.engine.json;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Cedar's JSON formats: values, entities, contexts and requests, policies and policy sets, as the Rust
 * reference reads and writes them. Reading fails with a {@link JsonFormatException} that gives the JSON path,
 * line and column of the problem; documents nested deeper than 127 levels are rejected, as the reference
 * rejects them. Writing produces JSON that reads back to an equal object. Stateless and thread-safe.
 *
 * <p>Without a schema, entity references and extension values must use the explicit {@code __entity} and
 * {@code __extn} escapes, and a bare {@code {"type": ..., "id": ...}} object is a record. The readers that
 * take a {@link Schema} read values by their declared types, as the reference does: where an entity type is
 * declared, {@code {"type": "User", "id": "alice"}} is an entity reference; where an extension type is
 * declared, {@code "10.0.0.1"} (a bare string for the type's constructor) and
 * {@code {"fn": "ip", "arg": "10.0.0.1"}} are extension values; records and sets pass the declared types on
 * to their members.
 */
public final class CedarJson {
    private CedarJson() {
    }

    /**
     * One value in Cedar's JSON value format: {@code true}, {@code 42}, {@code "text"}, {@code [...]} (a set),
     * {@code {...}} (a record), {@code {"__entity": {"type": "User", "id": "alice"}}},
     * {@code {"__extn": {"fn": "decimal", "arg": "1.5"}}} or {@code {"__extn": {"fn": "offset", "args": [...]}}}.
     * Extension escapes are evaluated.
     *
     * @throws JsonFormatException when the text is not such a value
     */
    public static Value readValue(String json) {
        return ValueReader.DEFAULT.read(JsonText.parse(json), Path.ROOT, ExpectedType.UNKNOWN);
    }

    /**
     * A value in Cedar's JSON value format, with explicit escapes.
     *
     * @throws CedarException when the value holds a record with a key reserved for escapes
     *         ({@code __entity}, {@code __extn}, {@code __expr}), or is nested more than 1000 levels deep
     */
    public static String writeValue(Value value) {
        Objects.requireNonNull(value, "value");
        return write(() -> JsonText.write(g -> ValueWriter.write(g, value)));
    }

    /**
     * Entities from the entities JSON format: an array of
     * {@code {"uid": {...}, "attrs": {...}, "parents": [...], "tags": {...}}} where {@code tags} may be left
     * out and other keys are ignored. Duplicate uids are not checked here: {@code Entities.of} checks them.
     *
     * @throws JsonFormatException when the text is not in that format, an attribute or tag value is invalid
     *         (including an extension call that fails), or an action has a parent that is not an action
     */
    public static List<Entity> readEntities(String json) {
        // streamed when the text has the common shapes; otherwise, and for every error, read as a tree
        List<Entity> streamed = EntityStream.read(Objects.requireNonNull(json, "json"));
        return streamed != null ? streamed : EntityJson.read(JsonText.parse(json), ValueReader.DEFAULT);
    }

    /**
     * Entities from the entities JSON format, read with a schema as the reference reads them:
     * <ul>
     *   <li>attribute and tag values are read by their declared types (implicit entity references and
     *       extension values are accepted where those types are declared);</li>
     *   <li>every entity that is not an action conforms to the schema: its type is declared (and its id is
     *       one of the ids of an enumerated type), it has every required attribute and no undeclared one,
     *       each of its declared type, its parents are of types it may be a member of, and it has tags
     *       only if its type declares them, each of the tag type;</li>
     *   <li>action entities come from the schema: an action given in the JSON must be declared, without
     *       attributes or tags, with the same ancestors (through the JSON's own hierarchy) as in the
     *       schema.</li>
     * </ul>
     *
     * @return the JSON's entities other than actions, in order, followed by {@link Schema#actionEntities()}
     * @throws JsonFormatException when the text is not in the entities format, a value does not fit its
     *         declared type, or an entity does not conform to the schema; the message names the entity and
     *         the attribute or tag, and why
     */
    public static List<Entity> readEntities(String json, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        return EntityJson.read(JsonText.parse(json), ValueReader.DEFAULT, schema.resolved());
    }

    /**
     * Entities in the entities JSON format; {@link #readEntities} reads them back equal. Uids and parents
     * are written {@code {"type": ..., "id": ...}}; attribute and tag values use explicit escapes.
     *
     * @throws CedarException as {@link #writeValue}
     */
    public static String writeEntities(Collection<Entity> entities) {
        Objects.requireNonNull(entities, "entities");
        return write(() -> JsonText.write(g -> EntityJson.write(g, entities)));
    }

    /**
     * An entity uid written {@code {"type": "User", "id": "alice"}} or
     * {@code {"__entity": {"type": "User", "id": "alice"}}}, as in entity files and test files.
     *
     * @throws JsonFormatException when the text is neither
     */
    public static EntityUid readEntityUid(String json) {
        return ValueReader.readEntityRef(JsonText.parse(json), Path.ROOT);
    }

    /**
     * A request context: a JSON object in the value format.
     *
     * @throws JsonFormatException when the text is not an object or holds an invalid value
     */
    public static RecordValue readContext(String json) {
        return context(JsonText.parse(json), Path.ROOT);
    }

    /**
     * The context of a request for {@code action}, read with the context type the schema declares for it,
     * as the reference reads it: values by their declared types (implicit entity references and extension
     * values accepted), every record with each required attribute and no undeclared one. Whether the
     * values have their declared types is left to request validation ({@link Schema#validateRequest}), as
     * in the reference.
     *
     * @throws JsonFormatException when the action is not declared in the schema, the text is not an
     *         object, or a value does not fit its declared type
     */
    public static RecordValue readContext(String json, Schema schema, EntityUid action) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(action, "action");
        Node root = JsonText.parse(json);
        return context(root, Path.ROOT, contextType(schema, action, root, Path.ROOT));
    }

    /**
     * A request in the format of the reference CLI's {@code --request-json}:
     * {@code {"principal": "User::\"alice\"", "action": "Action::\"view\"", "resource": "Photo::\"p\"",
     * "context": {...}}}. The three uids are Cedar text; all four keys are required and other keys are
     * ignored.
     *
     * @throws JsonFormatException when a key is missing, a uid does not parse, or the context is invalid
     */
    public static Request readRequest(String json) {
        Node root = JsonText.parse(json);
        Shapes.Fields f = Shapes.Fields.lenient(Shapes.object(root, Path.ROOT), Path.ROOT);
        EntityUid principal = uidText(f, "principal");
        EntityUid action = uidText(f, "action");
        EntityUid resource = uidText(f, "resource");
        return new Request(principal, action, resource, context(f.required("context"), f.path("context")));
    }

    /**
     * A request in the format of {@link #readRequest(String)}, its context read with the schema as
     * {@link #readContext(String, Schema, EntityUid)} reads it. The request is not validated: see
     * {@link Schema#validateRequest}.
     *
     * @throws JsonFormatException when a key is missing, a uid does not parse, the action is not declared
     *         in the schema, or the context does not fit the action's context type
     */
    public static Request readRequest(String json, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        Node root = JsonText.parse(json);
        Shapes.Fields f = Shapes.Fields.lenient(Shapes.object(root, Path.ROOT), Path.ROOT);
        EntityUid principal = uidText(f, "principal");
        EntityUid action = uidText(f, "action");
        EntityUid resource = uidText(f, "resource");
        Node context = f.required("context");
        ExpectedType type = contextType(schema, action, f.optional("action"), f.path("action"));
        return new Request(principal, action, resource, context(context, f.path("context"), type));
    }

    /**
     * One policy or template in the JSON policy format, given the id it gets.
     *
     * @throws JsonFormatException when the text is not a policy in that format
     */
    public static Policy readPolicy(PolicyId id, String json) {
        Objects.requireNonNull(id, "id");
        return PolicyJson.readPolicy(id, JsonText.parse(json), Path.ROOT);
    }

    /**
     * A policy or template in the JSON policy format; {@link #readPolicy} reads it back equal (given the same
     * id). A template-linked policy is written with its slots filled in.
     *
     * @throws CedarException when the policy is nested too deeply to write, or holds a literal record with a
     *         reserved key
     */
    public static String writePolicy(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        return write(() -> JsonText.write(g -> PolicyJson.writePolicy(g, policy)));
    }

    /**
     * A policy set in the JSON policy-set format:
     * {@code {"staticPolicies": {...}, "templates": {...}, "templateLinks": [...]}}.
     *
     * @throws JsonFormatException when the text is not in that format, ids clash, a static policy has slots,
     *         or a link does not fit its template
     */
    public static PolicySet readPolicySet(String json) {
        return PolicySetJson.read(JsonText.parse(json));
    }

    /**
     * A policy set in the JSON policy-set format; {@link #readPolicySet} reads it back equal. Linked policies
     * are written as links to their templates.
     *
     * @throws CedarException as {@link #writePolicy}
     */
    public static String writePolicySet(PolicySet policies) {
        Objects.requireNonNull(policies, "policies");
        return write(() -> JsonText.write(g -> PolicySetJson.write(g, policies)));
    }

    private static RecordValue context(Node n, Path path) {
        return context(n, path, ExpectedType.UNKNOWN);
    }

    private static RecordValue context(Node n, Path path, ExpectedType type) {
        Node.Obj obj = Shapes.object(n, path);
        Value value = ValueReader.DEFAULT.read(obj, path, type);
        if (value instanceof RecordValue record) {
            return record;
        }
        throw Shapes.error(n, path, "the context must be a record, found a value of type " + value.typeName());
    }

    /** The declared context type of {@code action}; an undeclared action is an error located at {@code at}. */
    private static ExpectedType contextType(Schema schema, EntityUid action, Node at, Path path) {
        ActionDef def = schema.actions().get(action);
        if (def == null) {
            throw Shapes.error(at, path, "action `" + action + "` is not declared in the schema, so its context cannot be read");
        }
        return ExpectedType.of(def.context());
    }

    private static EntityUid uidText(Shapes.Fields f, String key) {
        Node n = f.optional(key);
        if (n == null || n instanceof Node.Null) {
            throw Shapes.error(f.obj(), f.here(), "missing `" + key + "`: a request needs `principal`, `action` and `resource`");
        }
        String text = Shapes.string(n, f.path(key));
        try {
            return PolicyParser.parseEntityUid(text);
        } catch (ParseException e) {
            ParseError first = e.errors().get(0);
            String why = first.message() + (first.help() == null ? "" : " (" + first.help() + ")");
            throw Shapes.error(n, f.path(key), "`" + text + "` is not an entity uid: " + why);
        }
    }

    /**
     * Runs a writer. The writers recurse over trees built in code, which can be deeper than anything we
     * read; Jackson stops them at {@link JsonText#MAX_WRITE_DEPTH} levels, and should a thread's stack be
     * too small even for that, the overflow still ends in a clean error.
     */
    private static String write(java.util.function.Supplier<String> writer) {
        try {
            return writer.get();
        } catch (StackOverflowError e) {
            throw new CedarException("the input is nested too deeply to write as JSON");
        }
    }
}
