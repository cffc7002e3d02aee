package io.cedarwood.analysis;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.EnumSort;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.FuncInterp;
import com.microsoft.z3.Model;
import com.microsoft.z3.Quantifier;
import com.microsoft.z3.Sort;
import com.microsoft.z3.UninterpretedSort;
import com.microsoft.z3.Z3Exception;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a solver model into a concrete request and entity store, as the reference's concretizer does: every
 * element of an entity sort becomes an entity (a literal keeps its id, the others get fresh ones), its
 * attributes are the model's values of the attribute functions, and the entities in the footprint get their
 * ancestors as parents (the others none, which the hierarchy constraints make consistent).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class Concretizer {

    /** The model holds something no finite Cedar value has (a set with infinitely many elements). */
    static final class NotConcrete extends Exception {
        NotConcrete(String message) {
            super(message, null, false, false);
        }
    }

    private final SymEnv env;
    private final Model model;
    private final Map<Expr, EntityUid> ids = new HashMap<>();
    private final Map<EntityType, List<Expr>> known = new LinkedHashMap<>();
    private final Map<EntityType, Set<String>> taken = new HashMap<>();
    /** Per element sort of a set of bools, longs or strings: the values that can tell sets apart. */
    private final Map<SymType, Set<Expr>> relevant = new HashMap<>();

    /**
     * {@code assertions} are what the solver was asked: their string and long sub-terms are the values that
     * sets must keep or leave out as the model does.
     */
    Concretizer(SymEnv env, Model model, Expr[] assertions) {
        this.env = env;
        this.model = model;
        Set<Expr> seen = new HashSet<>();
        for (Expr a : assertions) {
            collect(a, seen);
        }
    }

    private void collect(Expr e, Set<Expr> seen) {
        if (!seen.add(e)) {
            return;
        }
        if (e.getSort().equals(env.stringSort)) {
            relevant.computeIfAbsent(SymType.STRING, k -> new LinkedHashSet<>()).add(model.eval(e, true));
        } else if (e.getSort().equals(env.longSort)) {
            // longs, decimals, datetimes and durations share the sort
            relevant.computeIfAbsent(SymType.LONG, k -> new LinkedHashSet<>()).add(model.eval(e, true));
        }
        if (e.isApp()) {
            for (Expr arg : e.getArgs()) {
                collect(arg, seen);
            }
        } else if (e.isQuantifier()) {
            // the solver's simplifier writes set operations as lambdas
            collect(((Quantifier) e).getBody(), seen);
        }
    }

    Counterexample counterexample() throws NotConcrete {
        for (Map.Entry<EntityUid, Expr> l : env.literals.entrySet()) {
            Expr v = model.eval(l.getValue(), true);
            ids.put(v, l.getKey());
            known.computeIfAbsent(l.getKey().type(), t -> new ArrayList<>()).add(v);
            taken.computeIfAbsent(l.getKey().type(), t -> new HashSet<>()).add(l.getKey().id());
        }
        for (EntityType type : List.copyOf(env.sorts.keySet())) {
            for (Map.Entry<EntityUid, Expr> e : env.enumEntities(type).entrySet()) {
                Expr v = model.eval(e.getValue(), true);
                if (!ids.containsKey(v)) {
                    ids.put(v, e.getKey());
                    known.computeIfAbsent(type, t -> new ArrayList<>()).add(v);
                }
            }
        }
        for (Map.Entry<EntityType, Sort> s : env.sorts.entrySet()) {
            if (s.getValue() instanceof EnumSort) {
                continue;
            }
            Expr[] universe;
            try {
                universe = model.getSortUniverse((UninterpretedSort) s.getValue());
            } catch (Z3Exception e) {
                universe = null;
            }
            for (Expr u : universe == null ? new Expr[0] : universe) {
                id(s.getKey(), u);
            }
        }
        EntityUid principal = id(env.env.principalType(), model.eval(env.principal, true));
        EntityUid resource = id(env.env.resourceType(), model.eval(env.resource, true));
        Set<Expr> footprintValues = new HashSet<>();
        for (Expr x : env.footprint) {
            footprintValues.add(model.eval(x, true));
            id(env.typeOf(x), model.eval(x, true));
        }
        // the values that sets of primitives have in the model, beyond those the assertions name
        for (Map.Entry<EntityType, List<Expr>> k : snapshot().entrySet()) {
            for (Expr u : k.getValue()) {
                exceptions(env.attributes(k.getKey(), u));
                if (env.hasTags(k.getKey())) {
                    exceptions(model.eval(env.tagKeys(k.getKey(), u), true),
                            relevant.computeIfAbsent(SymType.STRING, x -> new LinkedHashSet<>()));
                    tagValueExceptions(k.getKey(), u);
                }
            }
        }
        exceptions(env.context);
        RecordValue context = (RecordValue) value(env.context);
        List<Entity> entities = new ArrayList<>(env.schema.actionEntities());
        Set<Expr> done = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<EntityType, List<Expr>> k : snapshot().entrySet()) {
                EntityType type = k.getKey();
                for (Expr u : k.getValue()) {
                    if (!done.add(u)) {
                        continue;
                    }
                    grew = true;
                    RecordValue attributes = (RecordValue) value(env.attributes(type, u));
                    Set<EntityUid> parents = new LinkedHashSet<>();
                    if (footprintValues.contains(u)) {
                        for (EntityType f : env.ancestorTypes(type)) {
                            if (env.hasAncestors(type, f)) {
                                parents.addAll(members(f, env.ancestors(type, f, u)));
                            }
                        }
                    }
                    entities.add(new Entity(ids.get(u), attributes.attributes(), parents, tags(type, u)));
                }
            }
        }
        return new Counterexample(new Request(principal, env.env.action(), resource, context), Entities.of(entities));
    }

    private Map<EntityType, List<Expr>> snapshot() {
        Map<EntityType, List<Expr>> out = new LinkedHashMap<>();
        known.forEach((t, l) -> out.put(t, List.copyOf(l)));
        return out;
    }

    /** The uid of an entity value of the model, a fresh one ({@code e0}, {@code e1}, ...) the first time. */
    private EntityUid id(EntityType type, Expr u) {
        EntityUid uid = ids.get(u);
        if (uid == null) {
            Set<String> used = taken.computeIfAbsent(type, t -> new HashSet<>());
            int next = 0;
            while (used.contains("e" + next)) {
                next++;
            }
            used.add("e" + next);
            uid = new EntityUid(type, "e" + next);
            ids.put(u, uid);
            known.computeIfAbsent(type, t -> new ArrayList<>()).add(u);
        }
        return uid;
    }

    /** The tags of entity {@code u}: the model's tag keys among the strings that matter, with their values. */
    private Map<String, Value> tags(EntityType type, Expr u) throws NotConcrete {
        Map<String, Value> out = new LinkedHashMap<>();
        if (!env.hasTags(type)) {
            return out;
        }
        List<Expr> keys = new ArrayList<>(relevant.getOrDefault(SymType.STRING, Set.of()));
        keys.add(unnamed(SymType.STRING, keys));
        ArrayExpr tagKeys = env.tagKeys(type, u);
        for (Expr k : keys) {
            if (model.eval(env.ctx.mkSelect(tagKeys, k), true).isTrue()) {
                SymValue.Term v;
                try {
                    v = env.tagValue(type, u, k);
                } catch (Unsupported e) {
                    // tags of a type the encoding does not cover: no compiled policy reads their values
                    boolean record = env.def(type).tags().orElseThrow() instanceof io.cedarwood.engine.schema.SchemaType.RecordType;
                    out.put(unescape(k.getString()), record ? RecordValue.EMPTY : SetValue.EMPTY);
                    continue;
                }
                out.put(unescape(k.getString()), value(v.type(), model.eval(v.term(), true)));
            }
        }
        return out;
    }

    /** Sets held in tags under the keys that matter: the points where they differ from their default. */
    private void tagValueExceptions(EntityType type, Expr u) throws NotConcrete {
        for (Expr k : List.copyOf(relevant.getOrDefault(SymType.STRING, Set.of()))) {
            try {
                exceptions(env.tagValue(type, u, k));
            } catch (Unsupported e) {
                return; // tags of a type the encoding does not cover: no compiled policy reads them
            }
        }
    }

    /** Adds the points where the model's sets of primitives differ from their default. */
    private void exceptions(SymValue v) throws NotConcrete {
        if (v instanceof SymValue.Rec r) {
            for (SymValue.Field f : r.fields().values()) {
                exceptions(f.value());
            }
        } else if (v instanceof SymValue.Term t && t.type() instanceof SymType.SetOf s
                && !(s.element() instanceof SymType.Entity)) {
            Set<Expr> points = relevant.computeIfAbsent(key(s.element()), k -> new LinkedHashSet<>());
            exceptions(model.eval(t.term(), true), points);
        }
    }

    private void exceptions(Expr e, Set<Expr> out) throws NotConcrete {
        if (e.isStore()) {
            exceptions(e.getArgs()[0], out);
            out.add(e.getArgs()[1]);
        } else if (e.isConstantArray()) {
            return;
        } else if (e.isAsArray()) {
            FuncDecl f = e.getFuncDecl().getParameters()[0].getFuncDecl();
            FuncInterp interp = model.getFuncInterp(f);
            if (interp == null) {
                throw new NotConcrete("a set the solver did not interpret");
            }
            for (FuncInterp.Entry entry : interp.getEntries()) {
                out.add(entry.getArgs()[0]);
            }
        } else {
            throw new NotConcrete("a set the solver gave as `" + e + "`");
        }
    }

    /** The value of a symbolic value in the model. */
    private Value value(SymValue v) throws NotConcrete {
        if (v instanceof SymValue.Rec r) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<String, SymValue.Field> f : r.fields().entrySet()) {
                if (model.eval(f.getValue().present(), true).isTrue()) {
                    out.put(f.getKey(), value(f.getValue().value()));
                }
            }
            return RecordValue.of(out);
        }
        if (v instanceof SymValue.Action a) {
            return a.uid();
        }
        SymValue.Term t = (SymValue.Term) v;
        if (t.type() == null) {
            // a set of sets, records or ipaddrs, which no compiled policy reads: the empty one
            return SetValue.EMPTY;
        }
        return value(t.type(), model.eval(t.term(), true));
    }

    private Value value(SymType type, Expr e) throws NotConcrete {
        if (type instanceof SymType.Bool) {
            return BoolValue.of(e.isTrue());
        } else if (type instanceof SymType.Long) {
            return LongValue.of(((BitVecNum) e).getBigInteger().longValue());
        } else if (type instanceof SymType.Str) {
            return StringValue.of(unescape(e.getString()));
        } else if (SymEnv.IPADDR.equals(type)) {
            return ip(((BitVecNum) e).getBigInteger());
        } else if (type instanceof SymType.Ext x) {
            long n = ((BitVecNum) e).getBigInteger().longValue();
            return switch (x.name()) {
                case "decimal" -> new io.cedarwood.engine.value.DecimalValue(n);
                case "datetime" -> new io.cedarwood.engine.value.DatetimeValue(n);
                default -> new io.cedarwood.engine.value.DurationValue(n);
            };
        } else if (type instanceof SymType.Entity en) {
            return id(en.type(), e);
        }
        SymType element = ((SymType.SetOf) type).element();
        if (element instanceof SymType.Entity en) {
            return SetValue.of(members(en.type(), (ArrayExpr) e));
        }
        // the model's set on every value that tells sets apart, and on one value that none names, which
        // stands for all the values that none names (they are all in, or all out, of each set)
        Set<Value> out = new LinkedHashSet<>();
        List<Expr> points = new ArrayList<>(relevant.getOrDefault(key(element), Set.of()));
        if (!(element instanceof SymType.Bool)) {
            points.add(unnamed(element, points));
        } else {
            points = List.of(env.ctx.mkTrue(), env.ctx.mkFalse());
        }
        for (Expr p : points) {
            if (model.eval(env.ctx.mkSelect((ArrayExpr) e, p), true).isTrue()) {
                out.add(value(element, p));
            }
        }
        return SetValue.of(out);
    }

    /**
     * An {@code ipaddr} from the encoding's 137 bits; a value no {@code ipaddr} has (possible only where no
     * policy reads it, the others are assumed well formed) reads as {@code 0.0.0.0/32}.
     */
    private static Value ip(java.math.BigInteger bits) {
        boolean v6 = bits.testBit(136);
        java.math.BigInteger address = bits.shiftRight(8).and(java.math.BigInteger.ONE.shiftLeft(128).subtract(java.math.BigInteger.ONE));
        int prefix = bits.and(java.math.BigInteger.valueOf(0xff)).intValue();
        try {
            return new io.cedarwood.engine.value.IpAddrValue(v6, address, prefix);
        } catch (IllegalArgumentException e) {
            return new io.cedarwood.engine.value.IpAddrValue(false, java.math.BigInteger.ZERO, 32);
        }
    }

    /** The values of the types that share a sort are kept together. */
    private static SymType key(SymType element) {
        return element instanceof SymType.Ext && !SymEnv.IPADDR.equals(element) ? SymType.LONG : element;
    }

    private Expr unnamed(SymType element, List<Expr> named) {
        for (long i = 0; ; i++) {
            Expr candidate = key(element) instanceof SymType.Long ? env.ctx.mkBV(i, 64) : env.ctx.mkString("unnamed" + i);
            if (!named.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The entities of type {@code type} in a set of entities of the model. */
    private List<EntityUid> members(EntityType type, ArrayExpr set) {
        List<EntityUid> out = new ArrayList<>();
        for (Expr u : List.copyOf(known.getOrDefault(type, List.of()))) {
            if (model.eval(env.ctx.mkSelect(set, u), true).isTrue()) {
                out.add(ids.get(u));
            }
        }
        return out;
    }

    /** A solver string literal with its {@code \\u{...}} escapes decoded. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("\\u{", i)) {
                int close = s.indexOf('}', i);
                out.appendCodePoint(Integer.parseInt(s.substring(i + 3, close), 16));
                i = close + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
