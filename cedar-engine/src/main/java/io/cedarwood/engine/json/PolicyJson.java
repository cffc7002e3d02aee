package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.Names;
import io.cedarwood.engine.value.StringValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cedar's JSON policy format, the EST ({@code cedar-policy-core/src/est.rs}, {@code est/expr.rs},
 * {@code est/scope_constraints.rs}), in both directions. Reading is strict: unknown keys are errors.
 *
 * <p>Where the EST has more than one way to say a thing, reading accepts each and builds the tree the
 * reference builds: {@code has} with a list of attributes becomes a conjunction of single {@code has}
 * tests, {@code is ... in} becomes {@code is && in}, a {@code Value} set or record becomes a set or record
 * literal, and a {@code Value} extension escape becomes an extension call. Writing uses one way for each
 * tree, so tree to JSON to tree gives back the same tree.
 */
final class PolicyJson {
    private static final Map<String, BinaryOp> BINARY_OPS = new LinkedHashMap<>();

    static {
        for (BinaryOp op : BinaryOp.values()) {
            BINARY_OPS.put(op.symbol(), op);
        }
    }

    private PolicyJson() {
    }

    // ---------------------------------------------------------------- reading

    static Policy readPolicy(PolicyId id, Node n, Path path) {
        Shapes.Fields f = Shapes.Fields.strict(Shapes.object(n, path), path,
                "effect", "principal", "action", "resource", "conditions", "annotations");
        Effect effect = effect(f.required("effect"), f.path("effect"));
        ScopeConstraint principal = scope(f.required("principal"), f.path("principal"), SlotId.PRINCIPAL);
        ActionConstraint action = action(f.required("action"), f.path("action"));
        ScopeConstraint resource = scope(f.required("resource"), f.path("resource"), SlotId.RESOURCE);
        List<Condition> conditions = conditions(f.required("conditions"), f.path("conditions"));
        Node annotationsNode = f.optional("annotations");
        Map<String, String> annotations = annotationsNode == null
                ? Map.of() : annotations(annotationsNode, f.path("annotations"));
        return Policy.builder(id, effect)
                .principal(principal).action(action).resource(resource)
                .conditions(conditions).annotations(annotations)
                .build();
    }

    private static Effect effect(Node n, Path path) {
        return switch (Shapes.string(n, path)) {
            case "permit" -> Effect.PERMIT;
            case "forbid" -> Effect.FORBID;
            default -> throw Shapes.error(n, path, "unknown effect `" + ((Node.Str) n).value()
                    + "`, expected `permit` or `forbid`");
        };
    }

    private static ScopeConstraint scope(Node n, Path path, SlotId slotHere) {
        Node.Obj o = Shapes.object(n, path);
        Node opNode = Shapes.Fields.lenient(o, path).required("op");
        String op = Shapes.string(opNode, path.key("op"));
        switch (op) {
            case "All", "all" -> {
                Shapes.Fields.strict(o, path, "op");
                return new ScopeConstraint.Any();
            }
            case "==" -> {
                return new ScopeConstraint.Eq(reference(Shapes.Fields.strict(o, path, "op", "entity", "slot"), slotHere));
            }
            case "in" -> {
                return new ScopeConstraint.In(reference(Shapes.Fields.strict(o, path, "op", "entity", "slot"), slotHere));
            }
            case "is" -> {
                Shapes.Fields f = Shapes.Fields.strict(o, path, "op", "entity_type", "in");
                EntityType type = entityType(f.required("entity_type"), f.path("entity_type"));
                Node in = f.optional("in");
                if (in == null) {
                    return new ScopeConstraint.Is(type);
                }
                Path inPath = f.path("in");
                Node.Obj inObj = Shapes.object(in, inPath);
                return new ScopeConstraint.IsIn(type, reference(Shapes.Fields.strict(inObj, inPath, "entity", "slot"), slotHere));
            }
            default -> throw Shapes.error(opNode, path.key("op"), "unknown scope operator `" + op
                    + "`, expected `All`, `==`, `in` or `is`");
        }
    }

    /** {@code "entity": uid} or {@code "slot": "?principal"}, exactly one of them. */
    private static EntityReference reference(Shapes.Fields f, SlotId slotHere) {
        Node entity = f.optional("entity");
        Node slot = f.optional("slot");
        if (entity != null && slot != null) {
            throw Shapes.error(f.obj().keyNode("slot"), f.path("slot"), "expected either `entity` or `slot`, not both");
        }
        if (entity != null) {
            return new EntityReference.Uid(ValueReader.readEntityRef(entity, f.path("entity")));
        }
        if (slot == null) {
            throw Shapes.error(f.obj(), f.here(), "missing required key `entity` or `slot`");
        }
        SlotId id = slotId(slot, f.path("slot"));
        if (id != slotHere) {
            throw Shapes.error(slot, f.path("slot"), "the slot `" + id.cedarName() + "` cannot appear in the "
                    + (slotHere == SlotId.PRINCIPAL ? "principal" : "resource") + " constraint");
        }
        return new EntityReference.Slot(id);
    }

    private static SlotId slotId(Node n, Path path) {
        String s = Shapes.string(n, path);
        for (SlotId id : SlotId.values()) {
            if (id.cedarName().equals(s)) {
                return id;
            }
        }
        throw Shapes.error(n, path, "unknown slot `" + s + "`, expected `?principal` or `?resource`");
    }

    private static ActionConstraint action(Node n, Path path) {
        Node.Obj o = Shapes.object(n, path);
        Node opNode = Shapes.Fields.lenient(o, path).required("op");
        String op = Shapes.string(opNode, path.key("op"));
        switch (op) {
            case "All", "all" -> {
                Shapes.Fields.strict(o, path, "op");
                return new ActionConstraint.Any();
            }
            case "==" -> {
                Shapes.Fields f = Shapes.Fields.strict(o, path, "op", "entity", "slot");
                if (f.optional("slot") != null) {
                    throw Shapes.error(f.optional("slot"), f.path("slot"), "slots are not allowed in the action constraint");
                }
                return new ActionConstraint.Eq(actionUid(f.required("entity"), f.path("entity")));
            }
            case "in" -> {
                Shapes.Fields f = Shapes.Fields.strict(o, path, "op", "entity", "entities");
                Node entity = f.optional("entity");
                Node entities = f.optional("entities");
                if (entity != null && entities != null) {
                    throw Shapes.error(f.obj().keyNode("entities"), f.path("entities"),
                            "expected either `entity` or `entities`, not both");
                }
                if (entity != null) {
                    return new ActionConstraint.In(List.of(actionUid(entity, f.path("entity"))));
                }
                if (entities == null) {
                    throw Shapes.error(o, path, "missing required key `entity` or `entities`");
                }
                Node.Arr array = Shapes.array(entities, f.path("entities"));
                List<EntityUid> uids = new ArrayList<>();
                for (int i = 0; i < array.elements().size(); i++) {
                    uids.add(actionUid(array.elements().get(i), f.path("entities").index(i)));
                }
                return new ActionConstraint.In(uids);
            }
            default -> throw Shapes.error(opNode, path.key("op"), "unknown action scope operator `" + op
                    + "`, expected `All`, `==` or `in`");
        }
    }

    private static EntityUid actionUid(Node n, Path path) {
        EntityUid uid = ValueReader.readEntityRef(n, path);
        if (!uid.type().isAction()) {
            throw Shapes.error(n, path, "`" + uid + "` is not an action: the action constraint only accepts entities "
                    + "of type `Action` or `<namespace>::Action`");
        }
        return uid;
    }

    private static List<Condition> conditions(Node n, Path path) {
        Node.Arr array = Shapes.array(n, path);
        List<Condition> out = new ArrayList<>(array.elements().size());
        for (int i = 0; i < array.elements().size(); i++) {
            Path p = path.index(i);
            Shapes.Fields f = Shapes.Fields.strict(Shapes.object(array.elements().get(i), p), p, "kind", "body");
            Node kindNode = f.required("kind");
            Condition.Kind kind = switch (Shapes.string(kindNode, f.path("kind"))) {
                case "when" -> Condition.Kind.WHEN;
                case "unless" -> Condition.Kind.UNLESS;
                default -> throw Shapes.error(kindNode, f.path("kind"), "unknown condition kind `"
                        + ((Node.Str) kindNode).value() + "`, expected `when` or `unless`");
            };
            out.add(new Condition(kind, expr(f.required("body"), f.path("body"))));
        }
        return out;
    }

    private static Map<String, String> annotations(Node n, Path path) {
        Node.Obj o = Shapes.object(n, path);
        Map<String, String> out = new LinkedHashMap<>();
        for (Node.Member m : o.members().values()) {
            String key = m.key().value();
            if (!Names.isIdentifierShaped(key)) {
                throw Shapes.error(m.key(), path, "`" + key + "` is not a valid annotation name");
            }
            // an annotation written without a value is `null` here, and the empty string in the tree
            out.put(key, m.value() instanceof Node.Null ? "" : Shapes.string(m.value(), path.key(key)));
        }
        return out;
    }

    private static EntityType entityType(Node n, Path path) {
        if (n instanceof Node.Str s) {
            return ValueReader.entityType(s, path);
        }
        throw Shapes.error(n, path, "expected an entity type name, found " + n.describe());
    }

    static Expr expr(Node n, Path path) {
        if (!(n instanceof Node.Obj o)) {
            throw Shapes.error(n, path, "expected an expression, which is an object, found " + n.describe());
        }
        if (o.size() != 1) {
            if (o.size() == 0) {
                throw Shapes.error(o, path, "an empty object is not an expression");
            }
            Iterator<String> keys = o.keys().iterator();
            throw Shapes.error(o, path, "an expression has exactly one key, found `" + keys.next() + "` and `"
                    + keys.next() + "`");
        }
        Node.Member member = o.members().values().iterator().next();
        String key = member.key().value();
        Node v = member.value();
        Path p = path.key(key);
        if (Extensions.function(key) != null) {
            return new Expr.ExtensionCall(key, exprs(Shapes.array(v, p), p));
        }
        BinaryOp binary = BINARY_OPS.get(key);
        if (binary != null) {
            Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "right");
            return new Expr.Binary(binary, expr(f.required("left"), f.path("left")), expr(f.required("right"), f.path("right")));
        }
        switch (key) {
            case "Value":
                return valueExpr(v, p);
            case "Var":
                return new Expr.Var(variable(v, p));
            case "Slot":
                throw Shapes.error(v, p, "template slots may appear only in the scope, not in conditions");
            case "!":
                return new Expr.Unary(UnaryOp.NOT, arg(v, p));
            case "neg":
                return new Expr.Unary(UnaryOp.NEG, arg(v, p));
            case "isEmpty":
                return new Expr.Unary(UnaryOp.IS_EMPTY, arg(v, p));
            case "&&", "||": {
                Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "right");
                Expr left = expr(f.required("left"), f.path("left"));
                Expr right = expr(f.required("right"), f.path("right"));
                return key.equals("&&") ? new Expr.And(left, right) : new Expr.Or(left, right);
            }
            case ".": {
                Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "attr");
                return new Expr.GetAttr(expr(f.required("left"), f.path("left")),
                        Shapes.string(f.required("attr"), f.path("attr")));
            }
            case "has":
                return has(v, p);
            case "like": {
                Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "pattern");
                return new Expr.Like(expr(f.required("left"), f.path("left")),
                        pattern(f.required("pattern"), f.path("pattern")));
            }
            case "is": {
                Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "entity_type", "in");
                Expr left = expr(f.required("left"), f.path("left"));
                EntityType type = entityType(f.required("entity_type"), f.path("entity_type"));
                Node in = f.optional("in");
                Expr is = new Expr.Is(left, type);
                // `e is T in x` is `e is T && e in x`, as the reference builds it
                return in == null ? is : new Expr.And(is, new Expr.Binary(BinaryOp.IN, left, expr(in, f.path("in"))));
            }
            case "if-then-else": {
                Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "if", "then", "else");
                return new Expr.If(expr(f.required("if"), f.path("if")), expr(f.required("then"), f.path("then")),
                        expr(f.required("else"), f.path("else")));
            }
            case "Set":
                return new Expr.SetLit(exprs(Shapes.array(v, p), p));
            case "Record": {
                Node.Obj fields = Shapes.object(v, p);
                Map<String, Expr> out = new LinkedHashMap<>();
                for (Node.Member m : fields.members().values()) {
                    out.put(m.key().value(), expr(m.value(), p.key(m.key().value())));
                }
                return new Expr.RecordLit(out);
            }
            default:
                throw Shapes.error(member.key(), path, "unknown expression kind `" + key
                        + "`: it is neither an operator nor an extension function");
        }
    }

    private static List<Expr> exprs(Node.Arr array, Path path) {
        List<Expr> out = new ArrayList<>(array.elements().size());
        for (int i = 0; i < array.elements().size(); i++) {
            out.add(expr(array.elements().get(i), path.index(i)));
        }
        return out;
    }

    private static Expr arg(Node v, Path p) {
        Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "arg");
        return expr(f.required("arg"), f.path("arg"));
    }

    private static Variable variable(Node n, Path path) {
        String s = Shapes.string(n, path);
        for (Variable v : Variable.values()) {
            if (v.cedarName().equals(s)) {
                return v;
            }
        }
        throw Shapes.error(n, path, "unknown variable `" + s + "`, expected `principal`, `action`, `resource` or `context`");
    }

    /**
     * {@code {"left": e, "attr": "a"}}, or with a list {@code "attr": ["a", "b", "c"]}, which the reference
     * reads as {@code e has a && e.a has b && e.a.b has c} (nested to the left).
     */
    private static Expr has(Node v, Path p) {
        Shapes.Fields f = Shapes.Fields.strict(Shapes.object(v, p), p, "left", "attr");
        Expr left = expr(f.required("left"), f.path("left"));
        Node attr = f.required("attr");
        if (attr instanceof Node.Str s) {
            return new Expr.HasAttr(left, s.value());
        }
        if (!(attr instanceof Node.Arr attrs) || attrs.elements().isEmpty()) {
            throw Shapes.error(attr, f.path("attr"), "expected an attribute name or a non-empty array of them, found "
                    + (attr instanceof Node.Arr ? "an empty array" : attr.describe()));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < attrs.elements().size(); i++) {
            names.add(Shapes.string(attrs.elements().get(i), f.path("attr").index(i)));
        }
        Expr result = new Expr.HasAttr(left, names.get(0));
        Expr reached = new Expr.GetAttr(left, names.get(0));
        for (String name : names.subList(1, names.size())) {
            result = new Expr.And(result, new Expr.HasAttr(reached, name));
            reached = new Expr.GetAttr(reached, name);
        }
        return result;
    }

    /** {@code ["Wildcard", {"Literal": "abc"}]}; adjacent literals join, empty ones vanish. */
    private static Pattern pattern(Node n, Path path) {
        Node.Arr array = Shapes.array(n, path);
        List<Pattern.Element> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < array.elements().size(); i++) {
            Node e = array.elements().get(i);
            Path p = path.index(i);
            if (e instanceof Node.Str s && s.value().equals("Wildcard")) {
                if (text.length() > 0) {
                    out.add(new Pattern.Text(text.toString()));
                    text.setLength(0);
                }
                out.add(new Pattern.Wildcard());
            } else if (e instanceof Node.Obj o && o.size() == 1 && o.has("Literal")) {
                text.append(Shapes.string(o.get("Literal"), p.key("Literal")));
            } else {
                throw Shapes.error(e, p, "expected `\"Wildcard\"` or `{\"Literal\": \"...\"}`, found `"
                        + JsonText.render(e) + "`");
            }
        }
        if (text.length() > 0) {
            out.add(new Pattern.Text(text.toString()));
        }
        return new Pattern(out);
    }

    /**
     * The {@code Value} form: a value in the JSON value format, turned into the expression that builds it.
     * Extension escapes are not evaluated here; they become calls, and the function must exist.
     */
    private static Expr valueExpr(Node n, Path path) {
        if (n instanceof Node.Bool b) {
            return new Expr.Literal(BoolValue.of(b.value()));
        } else if (n instanceof Node.Num num) {
            return new Expr.Literal(LongValue.of(Shapes.longValue(num, path)));
        } else if (n instanceof Node.Str s) {
            return new Expr.Literal(StringValue.of(s.value()));
        } else if (n instanceof Node.Null) {
            throw Shapes.error(n, path, "found `null`, which is not a Cedar value");
        } else if (n instanceof Node.Arr a) {
            List<Expr> elements = new ArrayList<>();
            for (int i = 0; i < a.elements().size(); i++) {
                elements.add(valueExpr(a.elements().get(i), path.index(i)));
            }
            return new Expr.SetLit(elements);
        }
        Node.Obj o = (Node.Obj) n;
        Escape escape = Escape.classify(o, path);
        if (escape instanceof Escape.Entity e) {
            return new Expr.Literal(ValueReader.uid(e.type(), e.id().value(), e.typePath()));
        } else if (escape instanceof Escape.Extension x) {
            if (Extensions.function(x.function()) == null) {
                throw Shapes.error(o, path, "unknown extension function `" + x.function() + "`");
            }
            List<Expr> args = new ArrayList<>();
            for (int i = 0; i < x.args().size(); i++) {
                args.add(valueExpr(x.args().get(i), x.argPaths().get(i)));
            }
            return new Expr.ExtensionCall(x.function(), args);
        } else if (escape instanceof Escape.Expr) {
            throw Shapes.error(o, path, "the `__expr` escape is no longer supported");
        }
        Map<String, Expr> fields = new LinkedHashMap<>();
        for (Node.Member m : o.members().values()) {
            fields.put(m.key().value(), valueExpr(m.value(), path.key(m.key().value())));
        }
        return new Expr.RecordLit(fields);
    }

    // ---------------------------------------------------------------- writing

    static void writePolicy(JsonGenerator g, Policy policy) throws IOException {
        g.writeStartObject();
        g.writeStringField("effect", policy.effect().cedarName());
        g.writeFieldName("principal");
        writeScope(g, policy.principal());
        g.writeFieldName("action");
        writeAction(g, policy.action());
        g.writeFieldName("resource");
        writeScope(g, policy.resource());
        g.writeArrayFieldStart("conditions");
        for (Condition c : policy.conditions()) {
            g.writeStartObject();
            g.writeStringField("kind", c.kind().cedarName());
            g.writeFieldName("body");
            writeExpr(g, c.body());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!policy.annotations().isEmpty()) {
            g.writeObjectFieldStart("annotations");
            for (Map.Entry<String, String> a : policy.annotations().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeScope(JsonGenerator g, ScopeConstraint c) throws IOException {
        g.writeStartObject();
        if (c instanceof ScopeConstraint.Any) {
            g.writeStringField("op", "All");
        } else if (c instanceof ScopeConstraint.Eq eq) {
            g.writeStringField("op", "==");
            writeReference(g, eq.ref());
        } else if (c instanceof ScopeConstraint.In in) {
            g.writeStringField("op", "in");
            writeReference(g, in.ref());
        } else if (c instanceof ScopeConstraint.Is is) {
            g.writeStringField("op", "is");
            g.writeStringField("entity_type", is.entityType().name());
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            g.writeStringField("op", "is");
            g.writeStringField("entity_type", isIn.entityType().name());
            g.writeObjectFieldStart("in");
            writeReference(g, isIn.ref());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeReference(JsonGenerator g, EntityReference ref) throws IOException {
        if (ref instanceof EntityReference.Uid u) {
            g.writeFieldName("entity");
            ValueWriter.writeEntityRef(g, u.uid());
        } else if (ref instanceof EntityReference.Slot s) {
            g.writeStringField("slot", s.slot().cedarName());
        }
    }

    private static void writeAction(JsonGenerator g, ActionConstraint c) throws IOException {
        g.writeStartObject();
        if (c instanceof ActionConstraint.Any) {
            g.writeStringField("op", "All");
        } else if (c instanceof ActionConstraint.Eq eq) {
            g.writeStringField("op", "==");
            g.writeFieldName("entity");
            ValueWriter.writeEntityRef(g, eq.uid());
        } else if (c instanceof ActionConstraint.In in) {
            g.writeStringField("op", "in");
            if (in.uids().size() == 1) {
                g.writeFieldName("entity");
                ValueWriter.writeEntityRef(g, in.uids().get(0));
            } else {
                g.writeArrayFieldStart("entities");
                for (EntityUid uid : in.uids()) {
                    ValueWriter.writeEntityRef(g, uid);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    static void writeExpr(JsonGenerator g, Expr e) throws IOException {
        g.writeStartObject();
        if (e instanceof Expr.Literal lit) {
            g.writeFieldName("Value");
            ValueWriter.write(g, lit.value());
        } else if (e instanceof Expr.Var v) {
            g.writeStringField("Var", v.variable().cedarName());
        } else if (e instanceof Expr.Slot s) {
            g.writeStringField("Slot", s.slot().cedarName());
        } else if (e instanceof Expr.If i) {
            g.writeObjectFieldStart("if-then-else");
            g.writeFieldName("if");
            writeExpr(g, i.condition());
            g.writeFieldName("then");
            writeExpr(g, i.thenExpr());
            g.writeFieldName("else");
            writeExpr(g, i.elseExpr());
            g.writeEndObject();
        } else if (e instanceof Expr.And and) {
            writeLeftRight(g, "&&", and.left(), and.right());
        } else if (e instanceof Expr.Or or) {
            writeLeftRight(g, "||", or.left(), or.right());
        } else if (e instanceof Expr.Unary u) {
            g.writeObjectFieldStart(switch (u.op()) {
                case NOT -> "!";
                case NEG -> "neg";
                case IS_EMPTY -> "isEmpty";
            });
            g.writeFieldName("arg");
            writeExpr(g, u.operand());
            g.writeEndObject();
        } else if (e instanceof Expr.Binary b) {
            writeLeftRight(g, b.op().symbol(), b.left(), b.right());
        } else if (e instanceof Expr.GetAttr ga) {
            g.writeObjectFieldStart(".");
            g.writeFieldName("left");
            writeExpr(g, ga.target());
            g.writeStringField("attr", ga.attribute());
            g.writeEndObject();
        } else if (e instanceof Expr.HasAttr ha) {
            g.writeObjectFieldStart("has");
            g.writeFieldName("left");
            writeExpr(g, ha.target());
            g.writeStringField("attr", ha.attribute());
            g.writeEndObject();
        } else if (e instanceof Expr.Like like) {
            g.writeObjectFieldStart("like");
            g.writeFieldName("left");
            writeExpr(g, like.target());
            g.writeArrayFieldStart("pattern");
            for (Pattern.Element el : like.pattern().elements()) {
                if (el instanceof Pattern.Wildcard) {
                    g.writeString("Wildcard");
                } else if (el instanceof Pattern.Text t) {
                    g.writeStartObject();
                    g.writeStringField("Literal", t.text());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (e instanceof Expr.Is is) {
            g.writeObjectFieldStart("is");
            g.writeFieldName("left");
            writeExpr(g, is.target());
            g.writeStringField("entity_type", is.entityType().name());
            g.writeEndObject();
        } else if (e instanceof Expr.SetLit set) {
            g.writeArrayFieldStart("Set");
            for (Expr el : set.elements()) {
                writeExpr(g, el);
            }
            g.writeEndArray();
        } else if (e instanceof Expr.RecordLit rec) {
            g.writeObjectFieldStart("Record");
            for (Map.Entry<String, Expr> f : rec.fields().entrySet()) {
                g.writeFieldName(f.getKey());
                writeExpr(g, f.getValue());
            }
            g.writeEndObject();
        } else if (e instanceof Expr.ExtensionCall call) {
            g.writeArrayFieldStart(call.function());
            for (Expr arg : call.arguments()) {
                writeExpr(g, arg);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeLeftRight(JsonGenerator g, String op, Expr left, Expr right) throws IOException {
        g.writeObjectFieldStart(op);
        g.writeFieldName("left");
        writeExpr(g, left);
        g.writeFieldName("right");
        writeExpr(g, right);
        g.writeEndObject();
    }
}
