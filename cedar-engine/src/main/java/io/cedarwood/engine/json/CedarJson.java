package io.cedarwood.engine.json;

import io.cedarwood.engine.CedarException;
import io.cedarwood.engine.Entity;
import io.cedarwood.engine.Policy;
import io.cedarwood.engine.PolicyId;
import io.cedarwood.engine.PolicySet;
import io.cedarwood.engine.Request;
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
 * <p>Values are read without a schema: entity references and extension values must use the explicit
 * {@code __entity} and {@code __extn} escapes, and a bare {@code {"type": ..., "id": ...}} object is a record.
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
        return EntityJson.read(JsonText.parse(json), ValueReader.DEFAULT);
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
        Node.Obj obj = Shapes.object(n, path);
        Value value = ValueReader.DEFAULT.read(obj, path, ExpectedType.UNKNOWN);
        if (value instanceof RecordValue record) {
            return record;
        }
        throw Shapes.error(n, path, "the context must be a record, found a value of type " + value.typeName());
    }

    private static EntityUid uidText(Shapes.Fields f, String key) {
        Node n = f.optional(key);
        if (n == null || n instanceof Node.Null) {
            throw Shapes.error(f.obj(), f.here(), "missing `" + key + "`: a request needs `principal`, `action` and `resource`");
        }
        String text = Shapes.string(n, f.path(key));
        try {
            return UidText.parse(text);
        } catch (UidText.Invalid e) {
            throw Shapes.error(n, f.path(key), "`" + text + "` is not an entity uid: " + e.getMessage());
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
