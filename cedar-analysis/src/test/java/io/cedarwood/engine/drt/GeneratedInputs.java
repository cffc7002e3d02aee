package io.cedarwood.engine.drt;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's generators (schema, entities, policies, requests, in that order) seen from the analysis's
 * tests: a seeded case whose entity store is completed, so that every entity a request, an attribute or a
 * policy names exists (the symbolic encoding speaks of stores in which the entities it reads exist). Static
 * policies only; templates are left out.
 */
public final class GeneratedInputs {
    private GeneratedInputs() {
    }

    /** A generated case. */
    public record Case(Schema schema, String schemaText, List<Entity> entities, List<Policy> policies,
                       List<Request> requests) {
    }

    /** A case with the generator's eight requests and {@code extraRequests} more. */
    public static Case generate(long seed, int extraRequests) {
        Rng rng = new Rng(seed);
        AuthCase c = AuthCase.generate(rng, false);
        List<Request> requests = new ArrayList<>(c.requests());
        Map<EntityType, List<EntityUid>> knownUids = EntityGen.index(c.entities());
        for (int i = 0; i < extraRequests; i++) {
            requests.add(AuthCase.request(rng, c.schema(), knownUids));
        }
        GenSchema gen = c.schema();
        String text = gen.toCedarSchema();
        List<Policy> policies = new ArrayList<>();
        for (Policy p : c.policies()) {
            if (!p.isTemplate()) {
                policies.add(p);
            }
        }
        Map<EntityUid, Entity> store = new LinkedHashMap<>();
        for (Entity e : c.entities()) {
            store.put(e.uid(), e);
        }
        Map<EntityType, List<EntityUid>> known = EntityGen.index(c.entities());
        for (int round = 0; round < 4; round++) {
            Set<EntityUid> named = new LinkedHashSet<>();
            for (Request r : requests) {
                named.add(r.principal());
                named.add(r.resource());
                uids(r.context(), named);
            }
            for (Entity e : store.values()) {
                named.addAll(e.parents());
                e.attributes().values().forEach(v -> uids(v, named));
            }
            for (Policy p : policies) {
                uids(p, named);
            }
            boolean added = false;
            for (EntityUid uid : named) {
                if (store.containsKey(uid) || uid.type().isAction()) {
                    continue;
                }
                GenSchema.EntityTypeSpec spec = specOf(gen, uid.type());
                if (spec == null || spec.isEnum()) {
                    continue;
                }
                RecordValue attrs = (RecordValue) EntityGen.value(rng, gen, known, new GenType.Rec(spec.shape()), 3);
                store.put(uid, new Entity(uid, attrs.attributes(), Set.of()));
                added = true;
            }
            if (!added) {
                break;
            }
        }
        return new Case(Schema.parseCedarSchema(text), text, List.copyOf(store.values()), policies, List.copyOf(requests));
    }

    private static GenSchema.EntityTypeSpec specOf(GenSchema gen, EntityType type) {
        for (GenSchema.EntityTypeSpec s : gen.entityTypes()) {
            if (gen.entityType(s.name()).equals(type)) {
                return s;
            }
        }
        return null;
    }

    private static void uids(Value v, Set<EntityUid> out) {
        if (v instanceof EntityUid u) {
            out.add(u);
        } else if (v instanceof SetValue s) {
            s.elements().forEach(e -> uids(e, out));
        } else if (v instanceof RecordValue r) {
            r.attributes().values().forEach(e -> uids(e, out));
        }
    }

    private static void uids(Policy p, Set<EntityUid> out) {
        scope(p.principal(), out);
        scope(p.resource(), out);
        if (p.action() instanceof ActionConstraint.Eq eq) {
            out.add(eq.uid());
        } else if (p.action() instanceof ActionConstraint.In in) {
            out.addAll(in.uids());
        }
        Deque<Expr> todo = new ArrayDeque<>();
        for (Condition c : p.conditions()) {
            todo.push(c.body());
        }
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (e instanceof Expr.Literal l) {
                uids(l.value(), out);
            }
            e.children().forEach(todo::push);
        }
    }

    private static void scope(ScopeConstraint c, Set<EntityUid> out) {
        EntityReference ref = c instanceof ScopeConstraint.Eq eq ? eq.ref()
                : c instanceof ScopeConstraint.In in ? in.ref()
                : c instanceof ScopeConstraint.IsIn isIn ? isIn.ref() : null;
        if (ref instanceof EntityReference.Uid u) {
            out.add(u.uid());
        }
    }
}
