package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.schema.JsonTree.ArrayNode;
import io.cedarwood.engine.schema.JsonTree.BooleanNode;
import io.cedarwood.engine.schema.JsonTree.Member;
import io.cedarwood.engine.schema.JsonTree.Node;
import io.cedarwood.engine.schema.JsonTree.NullNode;
import io.cedarwood.engine.schema.JsonTree.ObjectNode;
import io.cedarwood.engine.schema.JsonTree.StringNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON schema format into a {@link SchemaFragment}, as strictly as the reference: unknown
 * fields, duplicate keys, missing required fields, {@code null} where the reference takes no
 * {@code null}, fields that do not belong to a type's kind are all errors. Errors name the JSON path.
 */
final class SchemaJsonReader {
    private final String json;
    private final List<ParseError> errors = new ArrayList<>();
    private final Map<SchemaPath, SourceSpan> spans = new HashMap<>();

    private SchemaJsonReader(String json) {
        this.json = json;
    }

    static CedarSchemaReader.Parsed read(String json) {
        Node root = JsonTree.parse(json);
        SchemaJsonReader reader = new SchemaJsonReader(json);
        SchemaFragment fragment = reader.fragment(root);
        if (!reader.errors.isEmpty()) {
            throw new ParseException(json, reader.errors);
        }
        return new CedarSchemaReader.Parsed(fragment, reader.spans);
    }

    private static final Set<String> NAMESPACE_FIELDS = Set.of("commonTypes", "entityTypes", "actions", "annotations");
    private static final Set<String> ENTITY_TYPE_FIELDS = Set.of("memberOfTypes", "shape", "tags", "enum", "annotations");
    private static final Set<String> ACTION_FIELDS = Set.of("attributes", "appliesTo", "memberOf", "annotations");
    private static final Set<String> APPLIES_TO_FIELDS = Set.of("principalTypes", "resourceTypes", "context");
    private static final Set<String> ACTION_REF_FIELDS = Set.of("id", "type");
    private static final Set<String> TYPE_FIELDS = Set.of("type", "element", "attributes", "additionalAttributes", "name");

    private SchemaFragment fragment(Node root) {
        Map<String, NamespaceDecl> namespaces = new LinkedHashMap<>();
        ObjectNode obj = object(root, SchemaPath.ROOT, "a JSON object mapping namespace names to namespace definitions");
        if (obj == null) {
            return new SchemaFragment(namespaces);
        }
        for (Member m : obj.members().values()) {
            SchemaPath path = member(SchemaPath.ROOT, m);
            if (NAMESPACE_FIELDS.contains(m.key())) {
                // `{"entityTypes": ...}`: most likely a namespace definition without its namespace
                ObjectNode ns = m.value() instanceof ObjectNode o ? o : null;
                if (ns == null || !ns.members().containsKey("entityTypes")) {
                    error("`" + m.key() + "` is not a namespace definition", path, m.keySpan(),
                            "a JSON schema maps namespace names to namespace definitions; "
                                    + "for the empty namespace write `{\"\": {\"entityTypes\": ..., \"actions\": ...}}`");
                    continue;
                }
            }
            NamespaceDecl ns = namespace(m.value(), path);
            if (ns != null) {
                namespaces.put(m.key(), ns);
            }
        }
        return new SchemaFragment(namespaces);
    }

    private NamespaceDecl namespace(Node node, SchemaPath path) {
        ObjectNode obj = object(node, path, "a namespace definition");
        if (obj == null || !onlyFields(obj, path, NAMESPACE_FIELDS)) {
            return null;
        }
        Map<String, CommonTypeDecl> commonTypes = new LinkedHashMap<>();
        Map<String, EntityDecl> entityTypes = new LinkedHashMap<>();
        Map<String, ActionDecl> actions = new LinkedHashMap<>();
        Member common = obj.members().get("commonTypes");
        if (common != null) {
            ObjectNode types = object(common.value(), member(path, common), "an object of common types");
            if (types != null) {
                for (Member m : types.members().values()) {
                    SchemaPath p = member(member(path, common), m);
                    TypeExpr type = type(m.value(), p, Set.of("annotations"));
                    Map<String, String> annotations = annotationsOf(m.value(), p);
                    if (type != null) {
                        commonTypes.put(m.key(), new CommonTypeDecl(type, annotations));
                    }
                }
            }
        }
        Member entities = required(obj, "entityTypes", path);
        if (entities != null) {
            ObjectNode types = object(entities.value(), member(path, entities), "an object of entity types");
            if (types != null) {
                for (Member m : types.members().values()) {
                    EntityDecl e = entityType(m.value(), member(member(path, entities), m));
                    if (e != null) {
                        entityTypes.put(m.key(), e);
                    }
                }
            }
        }
        Member acts = required(obj, "actions", path);
        if (acts != null) {
            ObjectNode decls = object(acts.value(), member(path, acts), "an object of actions");
            if (decls != null) {
                for (Member m : decls.members().values()) {
                    ActionDecl a = action(m.value(), member(member(path, acts), m));
                    if (a != null) {
                        actions.put(m.key(), a);
                    }
                }
            }
        }
        return new NamespaceDecl(commonTypes, entityTypes, actions, annotationsOf(obj, path));
    }

    private EntityDecl entityType(Node node, SchemaPath path) {
        ObjectNode obj = object(node, path, "an entity type definition");
        if (obj == null || !onlyFields(obj, path, ENTITY_TYPE_FIELDS)) {
            return null;
        }
        Map<String, String> annotations = annotationsOf(obj, path);
        Member choices = obj.members().get("enum");
        if (choices != null) {
            List<String> unexpected = new ArrayList<>();
            for (String field : List.of("memberOfTypes", "shape", "tags")) {
                if (obj.members().containsKey(field)) {
                    unexpected.add("`" + field + "`");
                }
            }
            if (!unexpected.isEmpty()) {
                error("an enumerated entity type cannot have " + String.join(", ", unexpected), path, obj.span(),
                        "an enumerated entity type has no parents, attributes or tags");
                return null;
            }
            List<String> values = strings(choices.value(), member(path, choices));
            if (values != null && values.isEmpty()) {
                error("the list of entity ids of an enumerated entity type is empty", member(path, choices),
                        choices.value().span(), "an enumerated entity type needs at least one entity id");
                return null;
            }
            return values == null ? null : new EntityDecl.Enumerated(values, annotations);
        }
        List<String> memberOfTypes = List.of();
        Member parents = obj.members().get("memberOfTypes");
        if (parents != null) {
            memberOfTypes = strings(parents.value(), member(path, parents));
        }
        TypeExpr shape = TypeExpr.RecordOf.EMPTY;
        Member shapeMember = obj.members().get("shape");
        if (shapeMember != null) {
            shape = type(shapeMember.value(), member(path, shapeMember), Set.of());
        }
        TypeExpr tags = null;
        Member tagsMember = obj.members().get("tags");
        if (tagsMember != null) {
            tags = type(tagsMember.value(), member(path, tagsMember), Set.of());
            if (tags == null) {
                return null;
            }
        }
        if (memberOfTypes == null || shape == null) {
            return null;
        }
        return new EntityDecl.Standard(memberOfTypes, shape, tags, annotations);
    }

    private ActionDecl action(Node node, SchemaPath path) {
        ObjectNode obj = object(node, path, "an action definition");
        if (obj == null || !onlyFields(obj, path, ACTION_FIELDS)) {
            return null;
        }
        Member attributes = obj.members().get("attributes");
        if (attributes != null && !(attributes.value() instanceof NullNode)) {
            error("action attributes are not supported", member(path, attributes), attributes.keySpan(),
                    "remove `attributes`: actions cannot have attributes");
            return null;
        }
        List<ActionDecl.ActionRef> memberOf = new ArrayList<>();
        Member parents = obj.members().get("memberOf");
        if (parents != null && !(parents.value() instanceof NullNode)) {
            SchemaPath parentsPath = member(path, parents);
            ArrayNode array = array(parents.value(), parentsPath, "an array of actions");
            if (array == null) {
                return null;
            }
            for (int i = 0; i < array.items().size(); i++) {
                ActionDecl.ActionRef ref = actionRef(array.items().get(i), element(parentsPath, i, array.items().get(i)));
                if (ref == null) {
                    return null;
                }
                memberOf.add(ref);
            }
        }
        ActionDecl.AppliesTo appliesTo = ActionDecl.AppliesTo.NOTHING;
        Member applies = obj.members().get("appliesTo");
        if (applies != null && !(applies.value() instanceof NullNode)) {
            appliesTo = appliesTo(applies.value(), member(path, applies));
            if (appliesTo == null) {
                return null;
            }
        }
        return new ActionDecl(memberOf, appliesTo, annotationsOf(obj, path));
    }

    private ActionDecl.ActionRef actionRef(Node node, SchemaPath path) {
        ObjectNode obj = object(node, path, "an action reference `{\"id\": ..., \"type\": ...}`");
        if (obj == null || !onlyFields(obj, path, ACTION_REF_FIELDS)) {
            return null;
        }
        Member id = required(obj, "id", path);
        String idValue = id == null ? null : string(id.value(), member(path, id));
        Member type = obj.members().get("type");
        String typeValue = null;
        if (type != null && !(type.value() instanceof NullNode)) {
            typeValue = string(type.value(), member(path, type));
            if (typeValue == null) {
                return null;
            }
        }
        return idValue == null ? null : new ActionDecl.ActionRef(typeValue, idValue);
    }

    private ActionDecl.AppliesTo appliesTo(Node node, SchemaPath path) {
        ObjectNode obj = object(node, path, "an `appliesTo` object");
        if (obj == null || !onlyFields(obj, path, APPLIES_TO_FIELDS)) {
            return null;
        }
        Member principals = required(obj, "principalTypes", path);
        Member resources = required(obj, "resourceTypes", path);
        List<String> principalTypes = principals == null ? null : strings(principals.value(), member(path, principals));
        List<String> resourceTypes = resources == null ? null : strings(resources.value(), member(path, resources));
        TypeExpr context = TypeExpr.RecordOf.EMPTY;
        Member ctx = obj.members().get("context");
        if (ctx != null) {
            context = type(ctx.value(), member(path, ctx), Set.of());
        }
        if (principalTypes == null || resourceTypes == null || context == null) {
            return null;
        }
        return new ActionDecl.AppliesTo(principalTypes, resourceTypes, context);
    }

    /**
     * A type: {@code {"type": ...}} with the fields its kind takes, plus {@code extra} fields the caller
     * reads itself ({@code required} and {@code annotations} of an attribute, {@code annotations} of a
     * common type).
     */
    private TypeExpr type(Node node, SchemaPath path, Set<String> extra) {
        ObjectNode obj = object(node, path, "a type `{\"type\": ...}`");
        if (obj == null) {
            return null;
        }
        for (Member m : obj.members().values()) {
            if (!TYPE_FIELDS.contains(m.key()) && !extra.contains(m.key())) {
                error("unknown field `" + m.key() + "`", member(path, m), m.keySpan(), null);
                return null;
            }
        }
        Member typeMember = required(obj, "type", path);
        if (typeMember == null) {
            return null;
        }
        String kind = string(typeMember.value(), member(path, typeMember));
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "Long", "String", "Boolean" -> {
                if (!noOtherFields(obj, path, kind, Set.of())) {
                    return null;
                }
                return new TypeExpr.Primitive(switch (kind) {
                    case "Long" -> TypeExpr.Primitive.Kind.LONG;
                    case "String" -> TypeExpr.Primitive.Kind.STRING;
                    default -> TypeExpr.Primitive.Kind.BOOLEAN;
                });
            }
            case "Set" -> {
                if (!noOtherFields(obj, path, kind, Set.of("element"))) {
                    return null;
                }
                Member element = required(obj, "element", path);
                TypeExpr e = element == null ? null : type(element.value(), member(path, element), Set.of());
                return e == null ? null : new TypeExpr.SetOf(e);
            }
            case "Record" -> {
                if (!noOtherFields(obj, path, kind, Set.of("attributes", "additionalAttributes"))) {
                    return null;
                }
                return record(obj, path);
            }
            case "Entity", "EntityOrCommon", "Extension" -> {
                if (!noOtherFields(obj, path, kind, Set.of("name"))) {
                    return null;
                }
                Member name = required(obj, "name", path);
                String value = name == null ? null : string(name.value(), member(path, name));
                if (value == null) {
                    return null;
                }
                return switch (kind) {
                    case "Entity" -> new TypeExpr.EntityRef(value);
                    case "EntityOrCommon" -> new TypeExpr.EntityOrCommonRef(value);
                    default -> new TypeExpr.ExtensionRef(value);
                };
            }
            default -> {
                // any other name refers to a common type
                if (!noOtherFields(obj, path, "common type reference", Set.of())) {
                    return null;
                }
                return new TypeExpr.CommonRef(kind);
            }
        }
    }

    private TypeExpr.RecordOf record(ObjectNode obj, SchemaPath path) {
        Member attrs = required(obj, "attributes", path);
        boolean additional = false;
        Member additionalMember = obj.members().get("additionalAttributes");
        if (additionalMember != null) {
            if (!(additionalMember.value() instanceof BooleanNode b)) {
                expected(additionalMember.value(), member(path, additionalMember), "a boolean");
                return null;
            }
            additional = b.value();
        }
        if (attrs == null) {
            return null;
        }
        SchemaPath attrsPath = member(path, attrs);
        ObjectNode attributes = object(attrs.value(), attrsPath, "an object of attributes");
        if (attributes == null) {
            return null;
        }
        Map<String, TypeExpr.Attribute> result = new LinkedHashMap<>();
        boolean ok = true;
        for (Member m : attributes.members().values()) {
            SchemaPath p = member(attrsPath, m);
            TypeExpr type = type(m.value(), p, Set.of("required", "annotations"));
            boolean required = true;
            Member req = m.value() instanceof ObjectNode o ? o.members().get("required") : null;
            if (req != null) {
                if (req.value() instanceof BooleanNode b) {
                    required = b.value();
                } else {
                    expected(req.value(), member(p, req), "a boolean");
                    ok = false;
                }
            }
            Map<String, String> annotations = annotationsOf(m.value(), p);
            if (type == null) {
                ok = false;
            } else {
                result.put(m.key(), new TypeExpr.Attribute(type, required, annotations));
            }
        }
        return ok ? new TypeExpr.RecordOf(result, additional) : null;
    }

    private boolean noOtherFields(ObjectNode obj, SchemaPath path, String kind, Set<String> allowed) {
        for (String field : TYPE_FIELDS) {
            if (!field.equals("type") && !allowed.contains(field) && obj.members().containsKey(field)) {
                Member m = obj.members().get(field);
                error("unexpected field `" + field + "` for " + (kind.contains(" ") ? "a " + kind : "type `" + kind + "`"),
                        member(path, m), m.keySpan(), null);
                return false;
            }
        }
        return true;
    }

    /** The {@code annotations} of a JSON object (empty if it has none or is not an object). */
    private Map<String, String> annotationsOf(Node node, SchemaPath path) {
        if (!(node instanceof ObjectNode obj) || !obj.members().containsKey("annotations")) {
            return Map.of();
        }
        Member m = obj.members().get("annotations");
        SchemaPath p = member(path, m);
        ObjectNode annotations = object(m.value(), p, "an object of annotations");
        if (annotations == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Member a : annotations.members().values()) {
            if (a.value() instanceof NullNode) {
                result.put(a.key(), "");
            } else if (a.value() instanceof StringNode s) {
                result.put(a.key(), s.value());
            } else {
                expected(a.value(), member(p, a), "a string");
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- JSON shapes

    private ObjectNode object(Node node, SchemaPath path, String what) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        expected(node, path, what);
        return null;
    }

    private ArrayNode array(Node node, SchemaPath path, String what) {
        if (node instanceof ArrayNode a) {
            return a;
        }
        expected(node, path, what);
        return null;
    }

    private String string(Node node, SchemaPath path) {
        if (node instanceof StringNode s) {
            return s.value();
        }
        expected(node, path, "a string");
        return null;
    }

    private List<String> strings(Node node, SchemaPath path) {
        ArrayNode array = array(node, path, "an array of strings");
        if (array == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            Node item = array.items().get(i);
            String s = string(item, element(path, i, item));
            if (s == null) {
                return null;
            }
            result.add(s);
        }
        return result;
    }

    private boolean onlyFields(ObjectNode obj, SchemaPath path, Set<String> fields) {
        for (Member m : obj.members().values()) {
            if (!fields.contains(m.key())) {
                error("unknown field `" + m.key() + "`", member(path, m), m.keySpan(),
                        "expected " + describe(fields));
                return false;
            }
        }
        return true;
    }

    private static String describe(Set<String> fields) {
        return fields.stream().sorted().map(f -> "`" + f + "`").reduce((a, b) -> a + ", " + b)
                .map(s -> "one of " + s).orElse("no fields");
    }

    private Member required(ObjectNode obj, String field, SchemaPath path) {
        Member m = obj.members().get(field);
        if (m == null) {
            error("missing field `" + field + "`", path, obj.span(), null);
        }
        return m;
    }

    /** The path of an object member, remembering its span (from the key to the end of the value). */
    private SchemaPath member(SchemaPath parent, Member m) {
        SchemaPath path = parent.key(m.key());
        spans.put(path, new SourceSpan(m.keySpan().start(), Math.max(m.keySpan().start(), m.value().span().end())));
        return path;
    }

    private SchemaPath element(SchemaPath parent, int index, Node item) {
        SchemaPath path = parent.index(index);
        spans.put(path, item.span());
        return path;
    }

    private void expected(Node node, SchemaPath path, String what) {
        error("expected " + what + ", found " + node.kind(), path, node.span(), null);
    }

    private void error(String message, SchemaPath path, SourceSpan span, String help) {
        errors.add(new ParseError(message + " at `" + path + "`", span, help));
    }
}
