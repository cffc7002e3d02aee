package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.Effect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One request environment's solver: a Z3 context (closed with the session), the symbolic environment, the
 * compiled policy sets, and a solver with a time limit on every call.
 */
@SuppressWarnings("unchecked")
final class Session implements AutoCloseable {

    /** A policy compiled: when it is satisfied (it applies and does not error) and when it errors. */
    record CompiledPolicy(Policy policy, BoolExpr satisfied, BoolExpr error) {
    }

    /** A policy set compiled; the policies the encoding does not cover are left out and listed. */
    final class CompiledSet {
        final PolicySet source;
        final List<CompiledPolicy> policies;
        final Map<PolicyId, String> unsupported;

        CompiledSet(PolicySet source, List<CompiledPolicy> policies, Map<PolicyId, String> unsupported) {
            this.source = source;
            this.policies = List.copyOf(policies);
            this.unsupported = Map.copyOf(unsupported);
        }

        BoolExpr any(Effect effect) {
            List<BoolExpr> out = new ArrayList<>();
            for (CompiledPolicy p : policies) {
                if (p.policy().effect() == effect) {
                    out.add(p.satisfied());
                }
            }
            return or(out);
        }

        /** Cedar's authorizer: some permit is satisfied and no forbid is. */
        BoolExpr allows() {
            return ctx.mkAnd(any(Effect.PERMIT), ctx.mkNot(any(Effect.FORBID)));
        }

        BoolExpr anyError() {
            List<BoolExpr> out = new ArrayList<>();
            policies.forEach(p -> out.add(p.error()));
            return or(out);
        }
    }

    /** The solver's answer to one question: unsat, a verified counterexample, or unknown and why. */
    record Outcome(Verdict verdict, Optional<Counterexample> counterexample, String reason) {
    }

    private static final Authorizer AUTHORIZER = new Authorizer();

    final Context ctx;
    final SymEnv env;
    private final Solver solver;
    private final List<CompiledSet> compiled = new ArrayList<>();
    private io.cedarwood.engine.entities.Entities pinnedStore;
    private Set<io.cedarwood.engine.value.EntityUid> pinnedLiterals;

    Session(Schema schema, RequestEnvironment environment, Duration timeout) {
        this.ctx = new Context();
        try {
            this.env = new SymEnv(ctx, schema, environment);
            this.solver = ctx.mkSolver();
            Params params = ctx.mkParams();
            params.add("timeout", (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            solver.setParameters(params);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    CompiledSet compile(PolicySet set) {
        return compile(set, set);
    }

    /**
     * Compiles {@code set}; its counterexamples are checked against {@code checkedAgainst}, which is
     * {@code set} except in the test that shows a disagreement is loud.
     */
    CompiledSet compile(PolicySet set, PolicySet checkedAgainst) {
        List<CompiledPolicy> out = new ArrayList<>();
        Map<PolicyId, String> unsupported = new LinkedHashMap<>();
        SymCompiler compiler = new SymCompiler(env);
        for (Policy p : set.policies()) {
            try {
                SymCompiler.Result r = compiler.compile(lowered(p));
                if (!(r.value() instanceof SymValue.Term t) || !(t.type() instanceof SymType.Bool)) {
                    throw new Unsupported("a type error (a policy's condition must be a bool)");
                }
                BoolExpr value = (BoolExpr) t.term();
                out.add(new CompiledPolicy(p, (BoolExpr) ctx.mkAnd(ctx.mkNot(r.error()), value).simplify(),
                        (BoolExpr) r.error().simplify()));
            } catch (Unsupported u) {
                unsupported.put(p.id(), u.getMessage());
            }
        }
        List<Policy> supported = new ArrayList<>();
        out.forEach(c -> supported.add(c.policy()));
        // the counterexamples are checked against what was compiled
        CompiledSet c = new CompiledSet(unsupported.isEmpty() ? checkedAgainst : PolicySet.of(supported), out, unsupported);
        compiled.add(c);
        return c;
    }

    /**
     * Whether {@code goal} can hold: {@link Verdict#YES} when it cannot (proved), {@link Verdict#NO} with
     * a counterexample, checked with the concrete authorizer against every compiled set, when it can.
     */
    Outcome refute(BoolExpr goal) {
        solver.push();
        try {
            solver.add(env.hierarchyConstraints());
            solver.add(goal);
            Status status = solver.check();
            if (status == Status.UNSATISFIABLE) {
                return new Outcome(Verdict.YES, Optional.empty(), "");
            }
            if (status == Status.UNKNOWN) {
                return new Outcome(Verdict.UNKNOWN, Optional.empty(), "the solver gave up: " + solver.getReasonUnknown());
            }
            Model model = solver.getModel();
            Counterexample cex;
            try {
                cex = new Concretizer(env, model, solver.getAssertions()).counterexample();
            } catch (Concretizer.NotConcrete e) {
                return new Outcome(Verdict.UNKNOWN, Optional.empty(), "the solver's model has " + e.getMessage());
            }
            return confirm(cex);
        } finally {
            solver.pop();
        }
    }

    /**
     * Pins the symbolic input to the counterexample, which must keep the goal (still asserted) satisfiable,
     * then has the concrete authorizer decide it.
     */
    private Outcome confirm(Counterexample cex) {
        solver.push();
        try {
            try {
                solver.add(ConcreteInput.constraints(env, cex.request(), cex.entities()));
            } catch (Unsupported u) {
                return new Outcome(Verdict.UNKNOWN, Optional.empty(), "the counterexample could not be checked: " + u.getMessage());
            }
            solver.add(env.hierarchyConstraints());
            Status status = solver.check();
            if (status == Status.UNKNOWN) {
                return new Outcome(Verdict.UNKNOWN, Optional.empty(), "the solver gave up: " + solver.getReasonUnknown());
            }
            if (status == Status.UNSATISFIABLE) {
                throw new IllegalStateException("the counterexample made of the solver's model does not answer the question"
                        + " (a bug in the concretizer) in " + env.env + " on\n" + cex.describe());
            }
            check(solver.getModel(), cex);
            return new Outcome(Verdict.NO, Optional.of(cex), "");
        } finally {
            solver.pop();
        }
    }

    /**
     * The value of {@code b} in a model of assertions that determine it (a pinned input). Z3's model
     * evaluator leaves some set operations unreduced; then the solver decides {@code b}.
     */
    private boolean value(Model model, BoolExpr b) {
        Expr<?> v = model.eval(b, true);
        if (v.isTrue() || v.isFalse()) {
            return v.isTrue();
        }
        solver.push();
        try {
            solver.add(b);
            Status status = solver.check();
            if (status == Status.UNKNOWN) {
                throw new IllegalStateException("the solver gave up on a pinned input: " + solver.getReasonUnknown());
            }
            return status == Status.SATISFIABLE;
        } finally {
            solver.pop();
        }
    }

    /** A decision as Cedar's authorizer gives it: allow or deny, the determining and the erroring policies. */
    record Decided(boolean allow, Set<PolicyId> reason, Set<PolicyId> errors) {
    }

    /**
     * The solver's value of the compiled set on one concrete input; empty when the input breaks what the
     * encoding assumes of every entity store (it then says nothing of the input). The first call pins the
     * session to its store for good: later calls must pass the same store, and the session asks nothing else.
     */
    Optional<Decided> decide(CompiledSet set, io.cedarwood.engine.ast.Request request, io.cedarwood.engine.entities.Entities entities) {
        if (pinnedStore != entities) {
            if (pinnedStore != null) {
                throw new IllegalStateException("a session decides on one entity store");
            }
            // the store, once for all its requests: the session stays pinned to it
            solver.add(ConcreteInput.entities(env, entities));
            pinnedStore = entities;
            pinnedLiterals = Set.copyOf(env.literals.keySet());
        }
        solver.push();
        try {
            solver.add(ConcreteInput.request(env, request, entities, pinnedLiterals));
            solver.add(env.hierarchyConstraints());
            Status status = solver.check();
            if (status != Status.SATISFIABLE) {
                return Optional.empty();
            }
            Model model = solver.getModel();
            boolean allows = value(model, set.allows());
            Set<PolicyId> reason = new TreeSet<>();
            Set<PolicyId> errors = new TreeSet<>();
            for (CompiledPolicy p : set.policies) {
                if (value(model, p.error())) {
                    errors.add(p.policy().id());
                }
                boolean deciding = p.policy().effect() == (allows ? Effect.PERMIT : Effect.FORBID);
                if (deciding && value(model, p.satisfied())) {
                    reason.add(p.policy().id());
                }
            }
            return Optional.of(new Decided(allows, reason, errors));
        } finally {
            solver.pop();
        }
    }

    /** Fails loudly when the concrete authorizer does not decide the counterexample as the model says. */
    private void check(Model model, Counterexample cex) {
        for (CompiledSet set : compiled) {
            boolean allows = value(model, set.allows());
            Set<PolicyId> errors = new TreeSet<>();
            for (CompiledPolicy p : set.policies) {
                if (value(model, p.error())) {
                    errors.add(p.policy().id());
                }
            }
            Response r = AUTHORIZER.isAuthorized(cex.request(), set.source, cex.entities());
            Set<PolicyId> concreteErrors = new TreeSet<>();
            for (AuthorizationError e : r.diagnostics().errors()) {
                concreteErrors.add(e.policyId());
            }
            if (allows != (r.decision() == Decision.ALLOW) || !errors.equals(concreteErrors)) {
                throw new IllegalStateException("the analysis disagrees with the authorizer (a bug in the encoding):"
                        + " the solver says " + (allows ? "allow" : "deny") + " with errors " + errors
                        + ", the authorizer says " + r.decision() + " with errors " + concreteErrors
                        + " in " + env.env + " on\n" + cex.describe() + "\npolicies:\n" + set.source.toCedar());
            }
        }
    }

    BoolExpr or(List<BoolExpr> parts) {
        if (parts.isEmpty()) {
            return ctx.mkFalse();
        }
        return parts.size() == 1 ? parts.get(0) : ctx.mkOr(parts.toArray(new BoolExpr[0]));
    }

    @Override
    public void close() {
        ctx.close();
    }

    /** The policy as one expression: the engine's {@link Policy#toExpr()}, the definition of satisfied. */
    private static io.cedarwood.engine.ast.Expr lowered(Policy policy) {
        if (policy.isTemplate()) {
            throw new Unsupported("a template slot (link the template first)");
        }
        return policy.toExpr();
    }
}
