package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.Effect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-policy questions of {@link Analyzer#findings}, asked in every request environment and put
 * together: a policy is shadowed or redundant when it is so in every environment where it applies.
 */
final class PolicyFindings {

    /** What is known of one policy so far. */
    private static final class State {
        boolean applies;
        boolean shadowed = true;
        boolean redundant = true;
        String unsupported;
        String unknown;
        Counterexample error;
    }

    private final Schema schema;
    private final Duration timeout;
    private final List<RequestEnvironment> environments;

    PolicyFindings(Schema schema, Duration timeout, List<RequestEnvironment> environments) {
        this.schema = schema;
        this.timeout = timeout;
        this.environments = environments;
    }

    List<Finding> of(PolicySet set) {
        Map<PolicyId, State> states = new LinkedHashMap<>();
        for (Policy p : set.policies()) {
            states.put(p.id(), new State());
        }
        for (RequestEnvironment e : environments) {
            Session session;
            try {
                session = new Session(schema, e, timeout);
            } catch (Unsupported u) {
                states.values().forEach(s -> s.unsupported = s.unsupported == null ? e + ": " + u.getMessage() : s.unsupported);
                continue;
            }
            try (session) {
                inEnvironment(session, set, states, e);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Policy p : set.policies()) {
            State s = states.get(p.id());
            String name = p.annotations().getOrDefault("id", p.id().value());
            if (s.error != null) {
                out.add(new Finding(p.id(), name, Finding.Kind.MAY_ERROR, "", Optional.of(s.error)));
            }
            if (s.unsupported != null) {
                out.add(new Finding(p.id(), name, Finding.Kind.UNSUPPORTED, s.unsupported, Optional.empty()));
            } else if (s.unknown != null) {
                out.add(new Finding(p.id(), name, Finding.Kind.UNKNOWN, s.unknown, Optional.empty()));
            } else if (!s.applies) {
                out.add(new Finding(p.id(), name, Finding.Kind.NEVER_APPLIES, "", Optional.empty()));
            } else {
                if (s.shadowed && p.effect() == Effect.PERMIT) {
                    out.add(new Finding(p.id(), name, Finding.Kind.SHADOWED, "", Optional.empty()));
                }
                if (s.redundant) {
                    out.add(new Finding(p.id(), name, Finding.Kind.REDUNDANT, "", Optional.empty()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void inEnvironment(Session session, PolicySet set, Map<PolicyId, State> states, RequestEnvironment e) {
        Context ctx = session.ctx;
        Session.CompiledSet compiled = session.compile(set);
        compiled.unsupported.forEach((id, why) -> {
            State s = states.get(id);
            s.unsupported = s.unsupported == null ? e + ": " + why : s.unsupported;
        });
        BoolExpr forbids = compiled.any(Effect.FORBID);
        for (Session.CompiledPolicy p : compiled.policies) {
            State s = states.get(p.policy().id());
            if (s.error == null) {
                Session.Outcome error = session.refute(p.error());
                if (error.verdict() == Verdict.NO) {
                    s.error = error.counterexample().orElseThrow();
                } else if (error.verdict() == Verdict.UNKNOWN) {
                    s.unknown = e + ": " + error.reason();
                }
            }
            Session.Outcome applies = session.refute(p.satisfied());
            if (applies.verdict() == Verdict.UNKNOWN) {
                s.unknown = e + ": " + applies.reason();
                continue;
            }
            if (applies.verdict() == Verdict.YES) {
                continue; // never satisfied here: shadowed and redundant hold vacuously
            }
            s.applies = true;
            if (p.policy().effect() == Effect.PERMIT) {
                s.shadowed &= holds(session.refute(ctx.mkAnd(p.satisfied(), ctx.mkNot(forbids))), s, e);
            }
            List<BoolExpr> others = new ArrayList<>();
            for (Session.CompiledPolicy q : compiled.policies) {
                if (q != p && q.policy().effect() == p.policy().effect()) {
                    others.add(q.satisfied());
                }
            }
            s.redundant &= holds(session.refute(ctx.mkAnd(p.satisfied(), ctx.mkNot(session.or(others)))), s, e);
        }
    }

    private static boolean holds(Session.Outcome o, State s, RequestEnvironment e) {
        if (o.verdict() == Verdict.UNKNOWN) {
            s.unknown = e + ": " + o.reason();
        }
        return o.verdict() == Verdict.YES;
    }
}
