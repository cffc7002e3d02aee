package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Questions about policy sets, answered with an SMT solver (Z3, in-process) for one request environment of
 * a schema at a time: {@link #neverErrors}, {@link #alwaysAllows}, {@link #alwaysDenies},
 * {@link #equivalent}, {@link #implies}, {@link #disjoint}, as the reference's symbolic compiler answers
 * them. Every {@link Verdict#NO} comes with a counterexample that the concrete authorizer has been asked;
 * a disagreement is a bug and throws {@link IllegalStateException}. Each solver call has a time limit; a
 * call that runs out is {@link Verdict#UNKNOWN}, never a verdict.
 */
public final class Analyzer {
    /** The default time limit of one solver call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Schema schema;
    private final Duration timeout;

    public Analyzer(Schema schema) {
        this(schema, DEFAULT_TIMEOUT);
    }

    public Analyzer(Schema schema, Duration timeout) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive");
        }
    }

    public Schema schema() {
        return schema;
    }

    /** Every request environment of the schema. */
    public List<RequestEnvironment> environments() {
        return RequestEnvironment.of(schema);
    }

    /** Whether no policy of the set errors on any request of the environment. */
    public Answer neverErrors(PolicySet set, RequestEnvironment environment) {
        return ask(environment, List.of(set), (ctx, s) -> s.get(0).anyError());
    }

    /** Whether the set allows every request of the environment. */
    public Answer alwaysAllows(PolicySet set, RequestEnvironment environment) {
        return ask(environment, List.of(set), (ctx, s) -> ctx.mkNot(s.get(0).allows()));
    }

    /** Whether the set denies every request of the environment. */
    public Answer alwaysDenies(PolicySet set, RequestEnvironment environment) {
        return ask(environment, List.of(set), (ctx, s) -> s.get(0).allows());
    }

    /** Whether the two sets decide every request of the environment alike. */
    public Answer equivalent(PolicySet a, PolicySet b, RequestEnvironment environment) {
        return ask(environment, List.of(a, b), (ctx, s) -> ctx.mkXor(s.get(0).allows(), s.get(1).allows()));
    }

    /** Whether {@code a} permits no more than {@code b}: every request {@code a} allows, {@code b} allows. */
    public Answer implies(PolicySet a, PolicySet b, RequestEnvironment environment) {
        return ask(environment, List.of(a, b),
                (ctx, s) -> ctx.mkAnd(s.get(0).allows(), ctx.mkNot(s.get(1).allows())));
    }

    /** Whether no request of the environment is allowed by both sets. */
    public Answer disjoint(PolicySet a, PolicySet b, RequestEnvironment environment) {
        return ask(environment, List.of(a, b), (ctx, s) -> ctx.mkAnd(s.get(0).allows(), s.get(1).allows()));
    }

    /** {@link #implies} both ways in every environment of the schema: what changed from {@code old} to {@code next}. */
    public Comparison compare(PolicySet old, PolicySet next) {
        List<Comparison.Change> changes = new ArrayList<>();
        for (RequestEnvironment e : environments()) {
            changes.add(new Comparison.Change(e, implies(next, old, e), implies(old, next, e)));
        }
        return new Comparison(changes);
    }

    /** Redundant, shadowed, never-applying and erroring policies of the set, over every environment. */
    public List<Finding> findings(PolicySet set) {
        return new PolicyFindings(schema, timeout, environments()).of(set);
    }

    private Answer ask(RequestEnvironment environment, List<PolicySet> sets, BiFunction<Context, List<Session.CompiledSet>, BoolExpr> goal) {
        Session session;
        try {
            session = new Session(schema, environment, timeout);
        } catch (Unsupported u) {
            return new Answer(environment, Verdict.UNSUPPORTED, Optional.empty(), Map.of(), u.getMessage());
        }
        try (session) {
            List<Session.CompiledSet> compiled = new ArrayList<>();
            Map<PolicyId, String> unsupported = new LinkedHashMap<>();
            for (PolicySet set : sets) {
                Session.CompiledSet c = session.compile(set);
                unsupported.putAll(c.unsupported);
                compiled.add(c);
            }
            if (!unsupported.isEmpty()) {
                return new Answer(environment, Verdict.UNSUPPORTED, Optional.empty(), unsupported,
                        "policies the encoding does not cover");
            }
            Session.Outcome o = session.refute(goal.apply(session.ctx, compiled));
            return new Answer(environment, o.verdict(), o.counterexample(), Map.of(), o.reason());
        }
    }
}
