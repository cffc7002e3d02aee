package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pins a symbolic environment to one concrete input: the principal, the resource and the context are the
 * request's, every entity's attributes and ancestors are the store's. With these constraints the solver's
 * value of a compiled policy set is the set's decision on that input; the differential tests compare it
 * with the evaluator's. Entities named but missing from the store have no ancestors; the input must give
 * every entity whose attributes a policy reads.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class ConcreteInput {
    private final SymEnv env;
    private final Context ctx;
    private final List<BoolExpr> out = new ArrayList<>();

    private ConcreteInput(SymEnv env) {
        this.env = env;
        this.ctx = env.ctx;
    }

    static BoolExpr constraints(SymEnv env, Request request, Entities entities) {
        ConcreteInput in = new ConcreteInput(env);
        in.pinRequest(request);
        in.pinEntities(entities);
        in.pinAncestors(entities, Set.of());
        return in.ctx.mkAnd(in.out.toArray(new BoolExpr[0]));
    }

    /** The store alone: every entity's attributes, tags and ancestors; for a store asked many requests. */
    static BoolExpr entities(SymEnv env, Entities entities) {
        ConcreteInput in = new ConcreteInput(env);
        in.pinEntities(entities);
        in.pinAncestors(entities, Set.of());
        return in.ctx.mkAnd(in.out.toArray(new BoolExpr[0]));
    }

    /**
     * The request, on a store pinned with {@link #entities}: with the ancestors of the entities named since
     * ({@code pinned} are those named then).
     */
    static BoolExpr request(SymEnv env, Request request, Entities entities, Set<EntityUid> pinned) {
        ConcreteInput in = new ConcreteInput(env);
        in.pinRequest(request);
        in.pinAncestors(entities, pinned);
        return in.ctx.mkAnd(in.out.toArray(new BoolExpr[0]));
    }

    private void pinRequest(Request request) {
        out.add(ctx.mkEq(env.principal, env.literal(request.principal())));
        out.add(ctx.mkEq(env.resource, env.literal(request.resource())));
        pin(env.context, request.context());
    }

    private void pinEntities(Entities entities) {
        for (Entity e : entities) {
            EntityType type = e.uid().type();
            if (type.isAction() || !env.schema.entityType(type).isPresent()) {
                continue;
            }
            try {
                Expr c = env.literal(e.uid());
                pin(env.attributes(type, c), RecordValue.of(e.attributes()));
                if (env.hasTags(type)) {
                    Expr keys = ctx.mkEmptySet(env.stringSort);
                    for (Map.Entry<String, Value> t : e.tags().entrySet()) {
                        Expr key = new SymCompiler(env).stringLiteral(t.getKey());
                        keys = ctx.mkSetAdd(keys, key);
                        try {
                            SymValue.Term v = env.tagValue(type, c, key);
                            out.add(ctx.mkEq(v.term(), term(v.type(), t.getValue())));
                        } catch (Unsupported u) {
                            // tags of a type the encoding does not cover: no compiled policy reads them
                        }
                    }
                    out.add(ctx.mkEq(env.tagKeys(type, c), keys));
                }
            } catch (Unsupported u) {
                // an entity of a type the encoding leaves out: no compiled policy reads it
            }
        }
    }

    /** Every entity of a type the environment knows, in the store or only named: its ancestors. */
    private void pinAncestors(Entities entities, Set<EntityUid> skip) {
        for (EntityUid uid : List.copyOf(env.literals.keySet())) {
            if (skip.contains(uid)) {
                continue;
            }
            EntityType type = uid.type();
            for (EntityType f : env.ancestorTypes(type)) {
                if (!env.sorts.containsKey(f)) {
                    continue; // no compiled policy has an entity of type f
                }
                Expr set = ctx.mkEmptySet(env.sort(f));
                for (EntityUid a : entities.ancestors(uid)) {
                    if (a.type().equals(f)) {
                        set = ctx.mkSetAdd(set, env.literal(a));
                    }
                }
                out.add(ctx.mkEq(env.ancestors(type, f, env.literal(uid)), set));
            }
        }
    }

    private void pin(SymValue symbolic, Value value) {
        if (symbolic instanceof SymValue.Rec r) {
            Map<String, Value> attributes = ((RecordValue) value).attributes();
            for (Map.Entry<String, SymValue.Field> f : r.fields().entrySet()) {
                Value v = attributes.get(f.getKey());
                out.add(v == null ? ctx.mkNot(f.getValue().present()) : f.getValue().present());
                if (v != null) {
                    pin(f.getValue().value(), v);
                }
            }
            return;
        }
        SymValue.Term t = (SymValue.Term) symbolic;
        if (t.type() != null) {
            out.add(ctx.mkEq(t.term(), term(t.type(), value)));
        }
    }

    private Expr term(SymType type, Value v) {
        if (v instanceof BoolValue b) {
            return ctx.mkBool(b.value());
        } else if (v instanceof LongValue l) {
            return ctx.mkBV(l.value(), 64);
        } else if (v instanceof StringValue s) {
            return new SymCompiler(env).stringLiteral(s.value());
        } else if (v instanceof EntityUid u) {
            return env.literal(u);
        } else if (v instanceof io.cedarwood.engine.value.DecimalValue d) {
            return ctx.mkBV(d.unscaled(), 64);
        } else if (v instanceof io.cedarwood.engine.value.DatetimeValue d) {
            return ctx.mkBV(d.epochMillis(), 64);
        } else if (v instanceof io.cedarwood.engine.value.DurationValue d) {
            return ctx.mkBV(d.millis(), 64);
        } else if (v instanceof io.cedarwood.engine.value.IpAddrValue ip) {
            return new SymCompiler(env).ipLiteral(ip);
        }
        SymType element = ((SymType.SetOf) type).element();
        Expr set = ctx.mkEmptySet(env.sortOf(element));
        for (Value e : ((SetValue) v).elements()) {
            set = ctx.mkSetAdd(set, term(element, e));
        }
        return set;
    }
}
