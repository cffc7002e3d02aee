package io.cedarwood.analysis;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.ArraySort;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.EnumSort;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.Sort;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The symbolic world of one request environment, as the reference's symbolic compiler builds it: each
 * entity type is an uninterpreted sort; each entity attribute is an uninterpreted function of the entity
 * (with a presence function when optional, records flattened into one function per leaf); the ancestors
 * of type {@code F} of an entity of type {@code E} are a function from {@code E} to a set of {@code F}; the
 * principal, the resource and each leaf of the context are constants; the action is known.
 *
 * <p>Every entity term that is asked for its ancestors is remembered (the footprint), and
 * {@link #hierarchyConstraints()} asks of those terms what every real entity store gives: no entity is its
 * own ancestor, and an ancestor's ancestors are ancestors (the reference's enforcer does the same).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class SymEnv {
    /** The highest code point the solver's strings hold (Z3's default Unicode range). */
    static final int MAX_CODE_POINT = 0x2FFFF;
    static final int IP_BITS = 137;
    static final SymType IPADDR = new SymType.Ext("ipaddr");

    final Context ctx;
    final Schema schema;
    final RequestEnvironment env;
    final ActionDef action;
    final Sort longSort;
    /** An {@code ipaddr} as 137 bits: bit 136 is set for IPv6, bits 135..8 the address, bits 7..0 the prefix length. */
    final Sort ipSort;
    private final Set<BoolExpr> wellFormed = new LinkedHashSet<>();
    final Sort stringSort;
    final Map<EntityType, Sort> sorts = new LinkedHashMap<>();
    final Map<String, FuncDecl> functions = new LinkedHashMap<>();
    final Map<EntityUid, Expr> literals = new LinkedHashMap<>();
    final List<Expr> footprint = new ArrayList<>();
    final Expr principal;
    final Expr resource;
    final SymValue.Rec context;

    SymEnv(Context ctx, Schema schema, RequestEnvironment env) {
        this.ctx = ctx;
        this.schema = schema;
        this.env = env;
        this.action = schema.action(env.action())
                .orElseThrow(() -> new IllegalArgumentException("the schema declares no action `" + env.action() + "`"));
        this.longSort = ctx.mkBitVecSort(64);
        this.stringSort = ctx.mkStringSort();
        this.ipSort = ctx.mkBitVecSort(IP_BITS);
        this.principal = ctx.mkConst("principal", sort(env.principalType()));
        this.resource = ctx.mkConst("resource", sort(env.resourceType()));
        this.context = (SymValue.Rec) leaf("context", action.context());
    }

    EntityTypeDef def(EntityType type) {
        return schema.entityType(type).orElseThrow(() -> new Unsupported("entity type `" + type + "` is not in the schema"));
    }

    /**
     * The sort of the entities of a type: uninterpreted, or for an enumerated entity type a finite sort whose
     * values are its entities.
     */
    Sort sort(EntityType type) {
        Sort s = sorts.get(type);
        if (s == null) {
            EntityTypeDef def = def(type);
            if (def.isEnum()) {
                s = ctx.mkEnumSort("E:" + type.name(), def.enumChoices().orElseThrow().stream()
                        .map(c -> "E:" + type.name() + "::" + c).toArray(String[]::new));
            } else {
                s = ctx.mkUninterpretedSort("E:" + type.name());
            }
            sorts.put(type, s);
        }
        return s;
    }

    /** The entities of an enumerated entity type, by uid; empty for other types. */
    Map<EntityUid, Expr> enumEntities(EntityType type) {
        Map<EntityUid, Expr> out = new LinkedHashMap<>();
        if (sort(type) instanceof EnumSort e) {
            List<String> choices = def(type).enumChoices().orElseThrow();
            for (int i = 0; i < choices.size(); i++) {
                out.put(new EntityUid(type, choices.get(i)), e.getConst(i));
            }
        }
        return out;
    }

    /** The sort of a schema type's values; records have none (they are flattened). */
    Sort sortOf(SymType type) {
        if (type instanceof SymType.Bool) {
            return ctx.mkBoolSort();
        } else if (type.equals(IPADDR)) {
            return ipSort;
        } else if (type instanceof SymType.Long || type instanceof SymType.Ext) {
            return longSort;
        } else if (type instanceof SymType.Str) {
            return stringSort;
        } else if (type instanceof SymType.Entity e) {
            return sort(e.type());
        } else {
            SymType element = ((SymType.SetOf) type).element();
            return ctx.mkArraySort(sortOf(element), ctx.mkBoolSort());
        }
    }

    /** The type of a schema type's values, for the types kept as one term. */
    SymType symType(SchemaType t) {
        if (t instanceof SchemaType.BoolType) {
            return SymType.BOOL;
        } else if (t instanceof SchemaType.LongType) {
            return SymType.LONG;
        } else if (t instanceof SchemaType.StringType) {
            return SymType.STRING;
        } else if (t instanceof SchemaType.EntityRefType e) {
            sort(e.entityType());
            return new SymType.Entity(e.entityType());
        } else if (t instanceof SchemaType.SetType s) {
            if (s.element() instanceof SchemaType.SetType || s.element() instanceof SchemaType.RecordType
                    || s.element() instanceof SchemaType.ExtensionType x && x.name().equals("ipaddr")) {
                throw new Unsupported("sets of sets, records or ipaddrs");
            }
            return new SymType.SetOf(symType(s.element()));
        }
        String name = ((SchemaType.ExtensionType) t).name();
        if (name.equals("decimal") || name.equals("datetime") || name.equals("duration") || name.equals("ipaddr")) {
            return new SymType.Ext(name);
        }
        throw new Unsupported("extension type `" + t + "`");
    }

    /** A fresh constant for a value of the schema type, records flattened with one constant per leaf. */
    private SymValue leaf(String name, SchemaType t) {
        if (t instanceof SchemaType.RecordType r) {
            Map<String, SymValue.Field> fields = new LinkedHashMap<>();
            for (Map.Entry<String, SchemaType.AttributeType> a : r.attributes().entrySet()) {
                String path = name + "." + quote(a.getKey());
                SymValue v = leaf(path, a.getValue().type());
                BoolExpr present = a.getValue().required() ? ctx.mkTrue() : ctx.mkBoolConst(path + "?");
                fields.put(a.getKey(), new SymValue.Field(v, present));
            }
            return new SymValue.Rec(fields);
        }
        SymType type;
        try {
            type = symType(t);
        } catch (Unsupported u) {
            return new SymValue.Term(null, null);
        }
        Expr c = ctx.mkConst(name, sortOf(type));
        return wellFormed(new SymValue.Term(type, c));
    }

    private static String quote(String attribute) {
        return attribute.replace("\\", "\\\\").replace(".", "\\.");
    }

    /**
     * Assumes what every value of the type satisfies: for an {@code ipaddr}, an IPv4 address fits in 32 bits
     * and prefix lengths are at most 32 or 128. Asked of every {@code ipaddr} term a policy reads.
     */
    SymValue wellFormed(SymValue v) {
        if (v instanceof SymValue.Term t && IPADDR.equals(t.type())) {
            BitVecExpr x = (BitVecExpr) t.term();
            BoolExpr v6 = ctx.mkEq(ctx.mkExtract(136, 136, x), ctx.mkBV(1, 1));
            BitVecExpr prefix = ctx.mkExtract(7, 0, x);
            BitVecExpr address = ctx.mkExtract(135, 8, x);
            BoolExpr v4 = ctx.mkAnd(ctx.mkBVULE(prefix, ctx.mkBV(32, 8)),
                    ctx.mkBVULT(address, ctx.mkBV(new java.math.BigInteger("100000000", 16).toString(), 128)));
            wellFormed.add((BoolExpr) ctx.mkITE(v6, ctx.mkBVULE(prefix, ctx.mkBV(128, 8)), v4));
        }
        return v;
    }

    /** The attributes of entity term {@code e} of {@code type}, as the schema declares them. */
    SymValue.Rec attributes(EntityType type, Expr e) {
        return (SymValue.Rec) attributeValue(type, "", def(type).shape(), e);
    }

    private SymValue attributeValue(EntityType type, String path, SchemaType t, Expr e) {
        if (t instanceof SchemaType.RecordType r) {
            Map<String, SymValue.Field> fields = new LinkedHashMap<>();
            for (Map.Entry<String, SchemaType.AttributeType> a : r.attributes().entrySet()) {
                String p = path + "." + quote(a.getKey());
                BoolExpr present = a.getValue().required() ? ctx.mkTrue()
                        : (BoolExpr) function(type, p + "?", ctx.mkBoolSort()).apply(e);
                fields.put(a.getKey(), new SymValue.Field(lazy(type, p, a.getValue().type(), e), present));
            }
            return new SymValue.Rec(fields);
        }
        SymType st = symType(t);
        return new SymValue.Term(st, function(type, path, sortOf(st)).apply(e));
    }

    /** An attribute whose type the encoding may not cover: unsupported only if a policy reads it. */
    private SymValue lazy(EntityType type, String path, SchemaType t, Expr e) {
        try {
            return attributeValue(type, path, t, e);
        } catch (Unsupported u) {
            return new SymValue.Term(null, null);
        }
    }

    FuncDecl function(EntityType type, String path, Sort range) {
        String name = type.name() + path;
        return functions.computeIfAbsent(name, n -> ctx.mkFuncDecl(n, sort(type), range));
    }

    /** Whether entities of the type have tags. */
    boolean hasTags(EntityType type) {
        return def(type).tags().isPresent();
    }

    /** The set of tag keys of entity term {@code e} of a type with tags. */
    ArrayExpr tagKeys(EntityType type, Expr e) {
        ArraySort range = ctx.mkArraySort(stringSort, ctx.mkBoolSort());
        FuncDecl f = functions.computeIfAbsent("tags:" + type.name(), n -> ctx.mkFuncDecl(n, sort(type), range));
        return (ArrayExpr) f.apply(e);
    }

    /** The value of tag {@code key} of entity term {@code e} (meaningful when the entity has the tag). */
    SymValue.Term tagValue(EntityType type, Expr e, Expr key) {
        SchemaType t = def(type).tags().orElseThrow();
        if (t instanceof SchemaType.RecordType) {
            throw new Unsupported("tags of a record type");
        }
        SymType st = symType(t);
        FuncDecl f = functions.computeIfAbsent("tag:" + type.name(),
                n -> ctx.mkFuncDecl(n, new Sort[] {sort(type), stringSort}, sortOf(st)));
        return new SymValue.Term(st, f.apply(e, key));
    }

    /** The set of ancestors of type {@code ancestor} of entity term {@code e} of type {@code type}. */
    ArrayExpr ancestors(EntityType type, EntityType ancestor, Expr e) {
        ArraySort range = ctx.mkArraySort(sort(ancestor), ctx.mkBoolSort());
        String name = "ancestors:" + type.name() + ":" + ancestor.name();
        FuncDecl f = functions.computeIfAbsent(name, n -> ctx.mkFuncDecl(n, sort(type), range));
        return (ArrayExpr) f.apply(e);
    }

    boolean hasAncestors(EntityType type, EntityType ancestor) {
        return functions.containsKey("ancestors:" + type.name() + ":" + ancestor.name());
    }

    Set<EntityType> ancestorTypes(EntityType type) {
        return def(type).ancestorTypes();
    }

    /** The constant naming an entity literal; literals of one type are distinct. */
    Expr literal(EntityUid uid) {
        Sort s = sort(uid.type());
        if (s instanceof EnumSort) {
            Expr e = enumEntities(uid.type()).get(uid);
            if (e == null) {
                throw new Unsupported("`" + uid.toCedar() + "`, which its enumerated entity type does not have");
            }
            literals.put(uid, e);
            return e;
        }
        return literals.computeIfAbsent(uid, u -> ctx.mkConst("literal:" + u.toCedar(), sort(u.type())));
    }

    void addToFootprint(EntityType type, Expr e) {
        if (!ancestorTypes(type).isEmpty() && !footprint.contains(e)) {
            footprint.add(e);
        }
    }

    EntityType typeOf(Expr e) {
        for (Map.Entry<EntityType, Sort> s : sorts.entrySet()) {
            if (s.getValue().equals(e.getSort())) {
                return s.getKey();
            }
        }
        throw new IllegalStateException("no entity type for sort " + e.getSort());
    }

    /**
     * What every entity store gives, asked of the terms in the footprint and the literals: literals of one
     * type are distinct, no entity is its own ancestor, and the ancestors of an ancestor are ancestors; and
     * that the {@code ipaddr} values read are well formed.
     */
    BoolExpr hierarchyConstraints() {
        List<BoolExpr> out = new ArrayList<>();
        Map<EntityType, List<Expr>> byType = new LinkedHashMap<>();
        for (Map.Entry<EntityUid, Expr> l : literals.entrySet()) {
            byType.computeIfAbsent(l.getKey().type(), t -> new ArrayList<>()).add(l.getValue());
        }
        for (List<Expr> same : byType.values()) {
            if (same.size() > 1 && !(same.get(0).getSort() instanceof EnumSort)) {
                out.add(ctx.mkDistinct(same.toArray(new Expr[0])));
            }
        }
        for (Expr x : footprint) {
            EntityType tx = typeOf(x);
            if (ancestorTypes(tx).contains(tx)) {
                out.add(ctx.mkNot((BoolExpr) ctx.mkSelect(ancestors(tx, tx, x), x)));
            }
            for (Expr y : footprint) {
                EntityType ty = typeOf(y);
                if (x.equals(y) || !ancestorTypes(tx).contains(ty)) {
                    continue;
                }
                BoolExpr yAncestorOfX = (BoolExpr) ctx.mkSelect(ancestors(tx, ty, x), y);
                for (EntityType f : ancestorTypes(ty)) {
                    // every ancestor type of an ancestor type of tx is one of tx's
                    out.add(ctx.mkImplies(yAncestorOfX, ctx.mkSetSubset(ancestors(ty, f, y), ancestors(tx, f, x))));
                }
            }
        }
        out.addAll(wellFormed);
        return out.isEmpty() ? ctx.mkTrue() : ctx.mkAnd(out.toArray(new BoolExpr[0]));
    }
}
