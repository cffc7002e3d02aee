package io.cedarwood.engine.drt;

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
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates policies over a schema and a hierarchy, using every construct of the language. Most policies are
 * type-directed: each subexpression is built for the type its context needs, from literals in the constant
 * pools, request variables, attributes and tags the schema declares, operators and extension functions. The
 * rest are undirected: now and then a subexpression of a random type is put where another was needed, so
 * that type errors, missing attributes and bad extension arguments happen.
 */
final class PolicyGen {
    /** An attribute the schema declares: on an entity type or inside a record type. */
    private record AttrSource(GenType owner, String attribute, GenType type, boolean required) {
    }

    private final Rng rng;
    private final GenSchema schema;
    private final Map<EntityType, List<EntityUid>> known;
    private final List<AttrSource> attributes = new ArrayList<>();
    /** Entity types (basenames) with tags, and their tag types. */
    private final Map<String, GenType> tagTypes = new LinkedHashMap<>();
    private final List<GenType> typesInSchema = new ArrayList<>();

    /** Probability that a subexpression ignores the type it should have. */
    private double mismatch;
    private int maxDepth;
    /** What the current policy's scope says about the request, or {@code null}. */
    private String principalType;
    private String resourceType;
    private GenSchema.ActionSpec action;

    PolicyGen(Rng rng, GenSchema schema, Map<EntityType, List<EntityUid>> known) {
        this.rng = rng;
        this.schema = schema;
        this.known = known;
        for (GenSchema.EntityTypeSpec e : schema.entityTypes()) {
            GenType owner = new GenType.Ent(e.name(), e.name());
            for (Map.Entry<String, GenType.Attr> a : e.shape().entrySet()) {
                addSource(owner, a.getKey(), a.getValue());
            }
            if (e.tags() != null) {
                tagTypes.put(e.name(), deep(e.tags()));
                collect(deep(e.tags()));
            }
        }
        for (GenSchema.ActionSpec a : schema.actions()) {
            collect(deep(a.context()));
        }
        typesInSchema.add(GenType.BOOL);
        typesInSchema.add(GenType.LONG);
        typesInSchema.add(GenType.STRING);
        for (String ext : Pool.EXTENSION_TYPES) {
            typesInSchema.add(new GenType.Ext(ext));
        }
        for (GenSchema.EntityTypeSpec e : schema.entityTypes()) {
            typesInSchema.add(new GenType.Ent(e.name(), e.name()));
        }
    }

    private void addSource(GenType owner, String attribute, GenType.Attr attr) {
        GenType type = deep(attr.type());
        attributes.add(new AttrSource(owner, attribute, type, attr.required()));
        collect(type);
    }

    /** Records the record types inside {@code t} as attribute owners, and {@code t} as a type worth building. */
    private void collect(GenType t) {
        if (!typesInSchema.contains(t)) {
            typesInSchema.add(t);
        }
        if (t instanceof GenType.SetOf s) {
            collect(s.element());
        } else if (t instanceof GenType.Rec r) {
            for (Map.Entry<String, GenType.Attr> a : r.attributes().entrySet()) {
                addSource(r, a.getKey(), a.getValue());
            }
        }
    }

    /** {@code t} with every common type looked through, at every level. */
    static GenType deep(GenType t) {
        t = GenType.resolve(t);
        if (t instanceof GenType.SetOf s) {
            return new GenType.SetOf(deep(s.element()));
        } else if (t instanceof GenType.Rec r) {
            Map<String, GenType.Attr> attrs = new LinkedHashMap<>();
            r.attributes().forEach((k, v) -> attrs.put(k, new GenType.Attr(deep(v.type()), v.required())));
            return new GenType.Rec(attrs);
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------- policies

    /**
     * A policy with this id: a template (with {@code ?principal} and/or {@code ?resource}) when
     * {@code template} is set.
     */
    Policy policy(PolicyId id, boolean template) {
        mismatch = rng.chance(0.7) ? 0.0 : rng.pick(0.05, 0.15, 0.3);
        maxDepth = rng.between(1, 4);
        List<GenSchema.ActionSpec> requestable = schema.requestableActions();
        action = !requestable.isEmpty() && rng.chance(0.8) ? rng.pick(requestable) : null;
        principalType = null;
        resourceType = null;

        Policy.Builder b = Policy.builder(id, rng.chance(0.6) ? Effect.PERMIT : Effect.FORBID);
        boolean principalSlot = template && rng.chance(0.7);
        boolean resourceSlot = template && (!principalSlot || rng.chance(0.4));
        b.principal(scope(action == null ? null : action.principals(), principalSlot ? SlotId.PRINCIPAL : null, true));
        b.action(actionScope());
        b.resource(scope(action == null ? null : action.resources(), resourceSlot ? SlotId.RESOURCE : null, false));

        List<Condition> conditions = new ArrayList<>();
        int n = rng.weighted(2, 5, 3, 1);
        for (int i = 0; i < n; i++) {
            Condition.Kind kind = rng.chance(0.7) ? Condition.Kind.WHEN : Condition.Kind.UNLESS;
            conditions.add(new Condition(kind, expr(GenType.BOOL, maxDepth)));
        }
        b.conditions(conditions);
        if (rng.chance(0.15)) {
            Map<String, String> annotations = new LinkedHashMap<>();
            int k = rng.between(1, 2);
            for (int i = 0; i < k; i++) {
                annotations.put(rng.pick("id", "advice", "noval", "x", "if", "_a1"), rng.pick(Pool.STRINGS));
            }
            b.annotations(annotations);
        }
        return b.build();
    }

    private ScopeConstraint scope(List<String> types, SlotId slot, boolean principal) {
        String type = types != null && rng.chance(0.85) ? rng.pick(types) : rng.pick(schema.entityTypes()).name();
        EntityType entityType = schema.entityType(type);
        if (slot != null) {
            EntityReference ref = new EntityReference.Slot(slot);
            return switch (rng.below(3)) {
                case 0 -> new ScopeConstraint.Eq(ref);
                case 1 -> new ScopeConstraint.In(ref);
                default -> new ScopeConstraint.IsIn(entityType, ref);
            };
        }
        ScopeConstraint c = switch (rng.weighted(4, 2, 2, 2, 1)) {
            case 0 -> new ScopeConstraint.Any();
            case 1 -> new ScopeConstraint.Eq(new EntityReference.Uid(uid(type)));
            case 2 -> new ScopeConstraint.In(new EntityReference.Uid(uid(parentType(type))));
            case 3 -> new ScopeConstraint.Is(entityType);
            default -> new ScopeConstraint.IsIn(entityType, new EntityReference.Uid(uid(parentType(type))));
        };
        if (!(c instanceof ScopeConstraint.Any) && !(c instanceof ScopeConstraint.In)) {
            if (principal) {
                principalType = type;
            } else {
                resourceType = type;
            }
        } else if (types != null && types.size() == 1 && rng.chance(0.5)) {
            // the action decides the type when it applies to one type only
            if (principal) {
                principalType = type;
            } else {
                resourceType = type;
            }
        }
        return c;
    }

    private String parentType(String type) {
        GenSchema.EntityTypeSpec spec = schema.spec(type);
        if (spec != null && !spec.memberOf().isEmpty() && rng.chance(0.8)) {
            return rng.pick(spec.memberOf());
        }
        return type;
    }

    private ActionConstraint actionScope() {
        List<GenSchema.ActionSpec> all = schema.actions();
        switch (rng.weighted(2, 4, 1, 2)) {
            case 0:
                return new ActionConstraint.Any();
            case 1:
                return new ActionConstraint.Eq(schema.actionUid(action != null ? action.id() : rng.pick(all).id()));
            case 2: {
                GenSchema.ActionSpec a = action;
                String group = a != null && !a.memberOf().isEmpty() && rng.chance(0.7) ? rng.pick(a.memberOf())
                        : rng.pick(all).id();
                return new ActionConstraint.In(List.of(schema.actionUid(group)));
            }
            default: {
                List<EntityUid> uids = new ArrayList<>();
                if (action != null) {
                    uids.add(schema.actionUid(action.id()));
                }
                int n = rng.between(0, 2);
                for (int i = 0; i < n; i++) {
                    uids.add(schema.actionUid(rng.pick(all).id()));
                }
                return new ActionConstraint.In(uids);
            }
        }
    }

    /** A uid of the given type: mostly one in the hierarchy. */
    private EntityUid uid(String type) {
        EntityType t = schema.entityType(type);
        List<EntityUid> candidates = known.getOrDefault(t, List.of());
        if (!candidates.isEmpty() && rng.chance(0.85)) {
            return rng.pick(candidates);
        }
        return new EntityUid(t, rng.pick(Pool.IDS));
    }

    // ------------------------------------------------------------------------------------------- expressions

    /** An expression meant to have type {@code type}, at most {@code depth} levels deep. */
    Expr expr(GenType type, int depth) {
        if (mismatch > 0 && rng.chance(mismatch)) {
            type = rng.pick(typesInSchema);
        }
        if (depth <= 0) {
            return leaf(type);
        }
        if (type instanceof GenType.Prim p) {
            return switch (p.name()) {
                case "Bool" -> boolExpr(depth);
                case "Long" -> longExpr(depth);
                default -> stringExpr(depth);
            };
        } else if (type instanceof GenType.Ext e) {
            return extExpr(e.name(), depth);
        } else if (type instanceof GenType.SetOf s) {
            return setExpr(s, depth);
        } else if (type instanceof GenType.Rec r) {
            return recordExpr(r, depth);
        } else if (type instanceof GenType.Ent e) {
            return entityExpr(e.name(), depth);
        }
        throw new IllegalArgumentException(String.valueOf(type));
    }

    private Expr leaf(GenType type) {
        if (type instanceof GenType.Prim p) {
            return switch (p.name()) {
                case "Bool" -> lit(BoolValue.of(rng.chance(0.5)));
                case "Long" -> lit(LongValue.of(rng.pick(Pool.LONGS)));
                default -> lit(StringValue.of(rng.pick(Pool.STRINGS)));
            };
        } else if (type instanceof GenType.Ext e) {
            return construct(e.name());
        } else if (type instanceof GenType.SetOf s) {
            return rng.chance(0.5) ? new Expr.SetLit(List.of()) : new Expr.SetLit(List.of(leaf(s.element())));
        } else if (type instanceof GenType.Rec r) {
            if (action != null && deep(action.context()).equals(r) && rng.chance(0.5)) {
                return new Expr.Var(Variable.CONTEXT);
            }
            Map<String, Expr> fields = new LinkedHashMap<>();
            r.attributes().forEach((k, v) -> {
                if (v.required() || rng.chance(0.5)) {
                    fields.put(k, leaf(v.type()));
                }
            });
            return new Expr.RecordLit(fields);
        } else if (type instanceof GenType.Ent e) {
            return entityLeaf(e.name());
        }
        throw new IllegalArgumentException(String.valueOf(type));
    }

    private Expr entityLeaf(String type) {
        if (type.equals(principalType) && rng.chance(0.5)) {
            return new Expr.Var(Variable.PRINCIPAL);
        }
        if (type.equals(resourceType) && rng.chance(0.5)) {
            return new Expr.Var(Variable.RESOURCE);
        }
        if (principalType == null && rng.chance(0.15)) {
            return new Expr.Var(Variable.PRINCIPAL);
        }
        if (resourceType == null && rng.chance(0.15)) {
            return new Expr.Var(Variable.RESOURCE);
        }
        return lit(uid(type));
    }

    private static Expr lit(io.cedarwood.engine.value.Value v) {
        return new Expr.Literal(v);
    }

    private GenType randomType() {
        return rng.pick(typesInSchema);
    }

    private String randomEntityType() {
        return rng.pick(schema.entityTypes()).name();
    }

    private Expr boolExpr(int d) {
        int choice = rng.weighted(2, 3, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 4, 2, 1, 3, 1, 1);
        switch (choice) {
            case 0:
                return leaf(GenType.BOOL);
            case 1: {
                GenType t = randomType();
                return new Expr.Binary(rng.chance(0.75) ? BinaryOp.EQ : BinaryOp.NOT_EQ, expr(t, d - 1), expr(t, d - 1));
            }
            case 2:
                return new Expr.Unary(UnaryOp.NOT, expr(GenType.BOOL, d - 1));
            case 3:
                return new Expr.And(expr(GenType.BOOL, d - 1), expr(GenType.BOOL, d - 1));
            case 4:
                return new Expr.Or(expr(GenType.BOOL, d - 1), expr(GenType.BOOL, d - 1));
            case 5: {
                GenType t = rng.chance(0.7) ? GenType.LONG : new GenType.Ext(rng.pick("datetime", "duration", "decimal"));
                BinaryOp op = rng.pick(BinaryOp.LESS, BinaryOp.LESS_EQ, BinaryOp.GREATER, BinaryOp.GREATER_EQ);
                return new Expr.Binary(op, expr(t, d - 1), expr(t, d - 1));
            }
            case 6: {
                if (rng.chance(0.2)) {
                    Expr group = lit(schema.actionUid(rng.pick(schema.actions()).id()));
                    return new Expr.Binary(BinaryOp.IN, new Expr.Var(Variable.ACTION),
                            rng.chance(0.5) ? group : new Expr.SetLit(List.of(group, entityLeaf("Action"))));
                }
                String type = randomEntityType();
                Expr left = expr(new GenType.Ent(type, type), d - 1);
                String parent = parentType(type);
                Expr right = rng.chance(0.7) ? expr(new GenType.Ent(parent, parent), d - 1)
                        : expr(new GenType.SetOf(new GenType.Ent(parent, parent)), d - 1);
                return new Expr.Binary(BinaryOp.IN, left, right);
            }
            case 7: {
                GenType t = randomType();
                return new Expr.Binary(BinaryOp.CONTAINS, expr(new GenType.SetOf(t), d - 1), expr(t, d - 1));
            }
            case 8: {
                GenType t = randomType();
                return new Expr.Binary(rng.chance(0.5) ? BinaryOp.CONTAINS_ALL : BinaryOp.CONTAINS_ANY,
                        expr(new GenType.SetOf(t), d - 1), expr(new GenType.SetOf(t), d - 1));
            }
            case 9:
                return new Expr.Unary(UnaryOp.IS_EMPTY, expr(new GenType.SetOf(randomType()), d - 1));
            case 10:
                return new Expr.Like(expr(GenType.STRING, d - 1), pattern());
            case 11: {
                String type = randomEntityType();
                Expr target = expr(new GenType.Ent(type, type), d - 1);
                EntityType tested = schema.entityType(rng.chance(0.6) ? type : randomEntityType());
                if (rng.chance(0.3)) {
                    // `target is T in e` is read as `target is T && target in e`
                    String parent = parentType(type);
                    return new Expr.And(new Expr.Is(target, tested),
                            new Expr.Binary(BinaryOp.IN, target, expr(new GenType.Ent(parent, parent), d - 1)));
                }
                return new Expr.Is(target, tested);
            }
            case 12:
                return hasExpr(d);
            case 13: {
                String type = tagTypes.isEmpty() || rng.chance(0.2) ? randomEntityType()
                        : rng.pick(new ArrayList<>(tagTypes.keySet()));
                return new Expr.Binary(BinaryOp.HAS_TAG, expr(new GenType.Ent(type, type), d - 1), tagKey(d));
            }
            case 14:
                return extBool(d);
            case 15:
                return ite(GenType.BOOL, d);
            case 16: {
                Expr e = attribute(GenType.BOOL, d);
                return e != null ? e : leaf(GenType.BOOL);
            }
            case 17: {
                // a guarded attribute: `e has a && <something with e.a>`
                List<AttrSource> sources = attributes;
                if (sources.isEmpty()) {
                    return leaf(GenType.BOOL);
                }
                AttrSource s = rng.pick(sources);
                Expr owner = expr(s.owner(), d - 1);
                Expr value = new Expr.GetAttr(owner, s.attribute());
                Expr use = switch (rng.below(3)) {
                    case 0 -> new Expr.Binary(BinaryOp.EQ, value, expr(s.type(), d - 1));
                    case 1 -> new Expr.Binary(BinaryOp.NOT_EQ, value, leaf(s.type()));
                    default -> s.type().equals(GenType.BOOL) ? value : new Expr.Binary(BinaryOp.EQ, value, value);
                };
                return new Expr.And(new Expr.HasAttr(owner, s.attribute()), use);
            }
            case 18: {
                Expr e = tag(GenType.BOOL, d);
                return e != null ? e : leaf(GenType.BOOL);
            }
            default: {
                // `e has a.b`, as the parser reads it
                AttrSource s = null;
                for (int i = 0; i < 3 && s == null; i++) {
                    AttrSource c = attributes.isEmpty() ? null : rng.pick(attributes);
                    if (c != null && c.type() instanceof GenType.Rec) {
                        s = c;
                    }
                }
                if (s == null) {
                    return hasExpr(d);
                }
                GenType.Rec inner = (GenType.Rec) s.type();
                String b = inner.attributes().isEmpty() || rng.chance(0.2) ? rng.pick(Pool.ATTRS)
                        : rng.pick(new ArrayList<>(inner.attributes().keySet()));
                Expr owner = expr(s.owner(), d - 1);
                return new Expr.And(new Expr.HasAttr(owner, s.attribute()),
                        new Expr.HasAttr(new Expr.GetAttr(owner, s.attribute()), b));
            }
        }
    }

    private Expr hasExpr(int d) {
        if (!attributes.isEmpty() && rng.chance(0.7)) {
            AttrSource s = rng.pick(attributes);
            return new Expr.HasAttr(expr(s.owner(), d - 1), s.attribute());
        }
        GenType owner;
        if (rng.chance(0.6)) {
            String type = randomEntityType();
            owner = new GenType.Ent(type, type);
        } else {
            owner = randomType();
        }
        return new Expr.HasAttr(expr(owner, d - 1), rng.pick(Pool.ATTRS));
    }

    private Expr tagKey(int d) {
        return rng.chance(0.8) ? lit(StringValue.of(rng.pick(Pool.ATTRS))) : expr(GenType.STRING, d - 1);
    }

    private Expr extBool(int d) {
        GenType ip = new GenType.Ext("ipaddr");
        GenType decimal = new GenType.Ext("decimal");
        return switch (rng.below(9)) {
            case 0 -> call("isIpv4", expr(ip, d - 1));
            case 1 -> call("isIpv6", expr(ip, d - 1));
            case 2 -> call("isLoopback", expr(ip, d - 1));
            case 3 -> call("isMulticast", expr(ip, d - 1));
            case 4 -> call("isInRange", expr(ip, d - 1), expr(ip, d - 1));
            case 5 -> call("lessThan", expr(decimal, d - 1), expr(decimal, d - 1));
            case 6 -> call("lessThanOrEqual", expr(decimal, d - 1), expr(decimal, d - 1));
            case 7 -> call("greaterThan", expr(decimal, d - 1), expr(decimal, d - 1));
            default -> call("greaterThanOrEqual", expr(decimal, d - 1), expr(decimal, d - 1));
        };
    }

    private Expr call(String function, Expr... args) {
        List<Expr> list = new ArrayList<>(List.of(args));
        if (mismatch > 0 && rng.chance(mismatch / 3)) {
            // a wrong number of arguments
            if (list.size() > 1 && rng.chance(0.5)) {
                list.remove(list.size() - 1);
            } else {
                list.add(leaf(randomType()));
            }
        }
        return new Expr.ExtensionCall(function, list);
    }

    private Expr longExpr(int d) {
        GenType duration = new GenType.Ext("duration");
        switch (rng.weighted(4, 2, 2, 2, 1, 2, 1, 2, 1)) {
            case 0:
                return leaf(GenType.LONG);
            case 1:
                return new Expr.Binary(BinaryOp.ADD, expr(GenType.LONG, d - 1), expr(GenType.LONG, d - 1));
            case 2:
                return new Expr.Binary(BinaryOp.SUB, expr(GenType.LONG, d - 1), expr(GenType.LONG, d - 1));
            case 3:
                return new Expr.Binary(BinaryOp.MUL, expr(GenType.LONG, d - 1), expr(GenType.LONG, d - 1));
            case 4:
                return new Expr.Unary(UnaryOp.NEG, expr(GenType.LONG, d - 1));
            case 5:
                return call(rng.pick("toMilliseconds", "toSeconds", "toMinutes", "toHours", "toDays"), expr(duration, d - 1));
            case 6:
                return ite(GenType.LONG, d);
            case 7: {
                Expr e = attribute(GenType.LONG, d);
                return e != null ? e : leaf(GenType.LONG);
            }
            default: {
                Expr e = tag(GenType.LONG, d);
                return e != null ? e : leaf(GenType.LONG);
            }
        }
    }

    private Expr stringExpr(int d) {
        switch (rng.weighted(5, 1, 3, 1)) {
            case 0:
                return leaf(GenType.STRING);
            case 1:
                return ite(GenType.STRING, d);
            case 2: {
                Expr e = attribute(GenType.STRING, d);
                return e != null ? e : leaf(GenType.STRING);
            }
            default: {
                Expr e = tag(GenType.STRING, d);
                return e != null ? e : leaf(GenType.STRING);
            }
        }
    }

    private Expr setExpr(GenType.SetOf type, int d) {
        switch (rng.weighted(4, 1, 3, 1)) {
            case 0: {
                List<Expr> elements = new ArrayList<>();
                int n = rng.between(0, 3);
                for (int i = 0; i < n; i++) {
                    elements.add(expr(type.element(), d - 1));
                }
                return new Expr.SetLit(elements);
            }
            case 1:
                return ite(type, d);
            case 2: {
                Expr e = attribute(type, d);
                return e != null ? e : setExpr(type, Math.max(1, d - 1));
            }
            default: {
                Expr e = tag(type, d);
                return e != null ? e : leaf(type);
            }
        }
    }

    private Expr recordExpr(GenType.Rec type, int d) {
        switch (rng.weighted(3, 1, 3, 1, 2)) {
            case 0: {
                Map<String, Expr> fields = new LinkedHashMap<>();
                type.attributes().forEach((k, v) -> {
                    if (v.required() || rng.chance(0.6)) {
                        fields.put(k, expr(v.type(), d - 1));
                    }
                });
                if (mismatch > 0 && rng.chance(0.2)) {
                    fields.put(rng.pick(Pool.ATTRS), leaf(randomType()));
                }
                return new Expr.RecordLit(fields);
            }
            case 1:
                return ite(type, d);
            case 2: {
                Expr e = attribute(type, d);
                return e != null ? e : leaf(type);
            }
            case 3: {
                Expr e = tag(type, d);
                return e != null ? e : leaf(type);
            }
            default:
                return action != null && deep(action.context()).equals(type) || rng.chance(0.2)
                        ? new Expr.Var(Variable.CONTEXT) : leaf(type);
        }
    }

    private Expr entityExpr(String type, int d) {
        switch (rng.weighted(5, 1, 3, 1, type.equals("Action") ? 3 : 0)) {
            case 0:
                return entityLeaf(type);
            case 1:
                return ite(new GenType.Ent(type, type), d);
            case 2: {
                Expr e = attribute(new GenType.Ent(type, type), d);
                return e != null ? e : entityLeaf(type);
            }
            case 3: {
                Expr e = tag(new GenType.Ent(type, type), d);
                return e != null ? e : entityLeaf(type);
            }
            default:
                return new Expr.Var(Variable.ACTION);
        }
    }

    private Expr extExpr(String type, int d) {
        GenType datetime = new GenType.Ext("datetime");
        int special = type.equals("datetime") || type.equals("duration") ? 3 : 0;
        switch (rng.weighted(5, 1, 3, 1, special)) {
            case 0:
                return construct(type);
            case 1:
                return ite(new GenType.Ext(type), d);
            case 2: {
                Expr e = attribute(new GenType.Ext(type), d);
                return e != null ? e : construct(type);
            }
            case 3: {
                Expr e = tag(new GenType.Ext(type), d);
                return e != null ? e : construct(type);
            }
            default:
                if (type.equals("datetime")) {
                    return rng.chance(0.6) ? call("offset", expr(datetime, d - 1), expr(new GenType.Ext("duration"), d - 1))
                            : call("toDate", expr(datetime, d - 1));
                }
                return rng.chance(0.5) ? call("durationSince", expr(datetime, d - 1), expr(datetime, d - 1))
                        : call("toTime", expr(datetime, d - 1));
        }
    }

    /** A constructor call: mostly on a valid literal, sometimes on an invalid one or on a computed string. */
    private Expr construct(String type) {
        String fn = Pool.constructor(type);
        double bad = mismatch > 0 ? 0.15 : 0.03;
        String arg = rng.chance(bad) ? rng.pick(Pool.invalid(type)) : rng.pick(Pool.valid(type));
        return new Expr.ExtensionCall(fn, List.of(lit(StringValue.of(arg))));
    }

    private Expr ite(GenType type, int d) {
        return new Expr.If(expr(GenType.BOOL, d - 1), expr(type, d - 1), expr(type, d - 1));
    }

    /** {@code owner.attribute} for a declared attribute of this type, or {@code null} when there is none. */
    private Expr attribute(GenType type, int d) {
        List<AttrSource> candidates = new ArrayList<>();
        for (AttrSource s : attributes) {
            if (s.type().equals(type)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            if (action != null && mismatch > 0 && rng.chance(0.3)) {
                return new Expr.GetAttr(new Expr.Var(Variable.CONTEXT), rng.pick(Pool.ATTRS));
            }
            return null;
        }
        AttrSource s = rng.pick(candidates);
        return new Expr.GetAttr(expr(s.owner(), d - 1), s.attribute());
    }

    /** {@code owner.getTag(key)} for an entity type whose tags have this type, or {@code null}. */
    private Expr tag(GenType type, int d) {
        List<String> owners = new ArrayList<>();
        tagTypes.forEach((owner, t) -> {
            if (t.equals(type)) {
                owners.add(owner);
            }
        });
        if (owners.isEmpty()) {
            return null;
        }
        String owner = rng.pick(owners);
        return new Expr.Binary(BinaryOp.GET_TAG, expr(new GenType.Ent(owner, owner), d - 1), tagKey(d));
    }

    private Pattern pattern() {
        List<Pattern.Element> elements = new ArrayList<>();
        int n = rng.between(0, 4);
        for (int i = 0; i < n; i++) {
            if (rng.chance(0.35)) {
                elements.add(new Pattern.Wildcard());
            } else {
                elements.add(new Pattern.Text(rng.pick("a", "b", "ab", "*", "\\", "\u00fc", "x y", "alice", "\"",
                        new String(Character.toChars(0x1F600)))));
            }
        }
        return new Pattern(elements);
    }
}
