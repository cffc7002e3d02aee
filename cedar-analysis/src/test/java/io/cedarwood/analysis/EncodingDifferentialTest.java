package io.cedarwood.analysis;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.drt.GeneratedInputs;
import io.cedarwood.engine.json.CedarJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential testing of the encoding, as cedar-spec checks the reference's symbolic compiler: on generated
 * schemas, entities, policies and requests, the solver's value of the compiled set pinned to the concrete
 * input must be the authorizer's decision, with the same determining and erroring policies. The build runs
 * a bounded number of cases; {@code -Danalysis.drt.cases=N -Danalysis.drt.seed=S} runs a campaign.
 */
class EncodingDifferentialTest {
    static final long SEED = Long.getLong("analysis.drt.seed", 20261203L);
    static final int CASES = Integer.getInteger("analysis.drt.cases", 12);
    /** Requests per case beyond the generator's eight: a compiled set is asked many times. */
    static final int EXTRA_REQUESTS = 56;
    private static final Authorizer AUTHORIZER = new Authorizer();

    /** What a run did. */
    static final class Stats {
        long comparisons;
        long skippedRequests;
        long unsat;
        final Map<String, Integer> unsupported = new TreeMap<>();
        final List<String> mismatches = new ArrayList<>();

        @Override
        public String toString() {
            return "comparisons=" + comparisons + " skippedRequests=" + skippedRequests + " unsat=" + unsat
                    + " mismatches=" + mismatches.size() + " unsupported=" + unsupported;
        }
    }

    @Test
    void solverValueOfTheEncodedSetIsTheAuthorizersDecision() {
        Stats stats = run(SEED, CASES);
        assertThat(stats.mismatches).isEmpty();
        assertThat(stats.unsat).as("generated inputs the encoding calls impossible").isZero();
        assertThat(stats.comparisons).as("comparisons made").isGreaterThan(CASES);
    }

    /**
     * A campaign: {@code java ... EncodingDifferentialTest SEED CASES [EXTRA_REQUESTS]}; prints progress,
     * each mismatch with its case seed, and the totals.
     */
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        int cases = Integer.parseInt(args[1]);
        int extra = args.length > 2 ? Integer.parseInt(args[2]) : EXTRA_REQUESTS;
        long start = System.nanoTime();
        Stats total = new Stats();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seeds.nextLong();
            int before = total.mismatches.size();
            compare(GeneratedInputs.generate(caseSeed, extra), caseSeed, total);
            for (int m = before; m < total.mismatches.size(); m++) {
                System.out.println("MISMATCH in case " + i + ": " + total.mismatches.get(m));
            }
            if ((i + 1) % 10 == 0) {
                System.out.println((i + 1) + " cases, " + (System.nanoTime() - start) / 1_000_000_000 + " s: " + total);
            }
        }
        System.out.println("seed " + seed + ", " + cases + " cases, " + (System.nanoTime() - start) / 1_000_000_000
                + " s: " + total);
    }

    static Stats run(long seed, int cases) {
        Stats stats = new Stats();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seeds.nextLong();
            GeneratedInputs.Case c = GeneratedInputs.generate(caseSeed, EXTRA_REQUESTS);
            compare(c, caseSeed, stats);
        }
        return stats;
    }

    static void compare(GeneratedInputs.Case c, long caseSeed, Stats stats) {
        Entities store;
        PolicySet policies;
        try {
            store = Entities.of(c.entities());
            policies = PolicySet.of(c.policies());
        } catch (CedarException e) {
            stats.skippedRequests += c.requests().size();
            return;
        }
        Map<RequestEnvironment, Session> sessions = new LinkedHashMap<>();
        Map<RequestEnvironment, Session.CompiledSet> compiled = new LinkedHashMap<>();
        try {
            for (Request request : c.requests()) {
                try {
                    c.schema().validateRequest(request);
                } catch (CedarException e) {
                    stats.skippedRequests++;
                    continue;
                }
                RequestEnvironment env = new RequestEnvironment(request.principal().type(), request.action(),
                        request.resource().type());
                if (!sessions.containsKey(env)) {
                    try {
                        Session s = new Session(c.schema(), env, Duration.ofSeconds(20));
                        sessions.put(env, s);
                        Session.CompiledSet set = s.compile(policies);
                        set.unsupported.values().forEach(why -> stats.unsupported.merge(why.replaceAll("`[^`]*`", "_"), 1, Integer::sum));
                        compiled.put(env, set);
                    } catch (Unsupported u) {
                        sessions.put(env, null);
                        stats.unsupported.merge("environment: " + u.getMessage().replaceAll("`[^`]*`", "_"), 1, Integer::sum);
                    }
                }
                Session session = sessions.get(env);
                if (session == null) {
                    stats.skippedRequests++;
                    continue;
                }
                Session.CompiledSet set = compiled.get(env);
                Optional<Session.Decided> symbolic;
                try {
                    symbolic = session.decide(set, request, store);
                } catch (Unsupported u) {
                    stats.skippedRequests++;
                    stats.unsupported.merge("input: " + u.getMessage().replaceAll("`[^`]*`", "_"), 1, Integer::sum);
                    continue;
                }
                if (symbolic.isEmpty()) {
                    stats.unsat++;
                    stats.mismatches.add("the encoding calls a generated input impossible\n" + describe(c, caseSeed, request, set.source));
                    continue;
                }
                Response r = AUTHORIZER.isAuthorized(request, set.source, store);
                TreeSet<PolicyId> errors = new TreeSet<>();
                for (AuthorizationError e : r.diagnostics().errors()) {
                    errors.add(e.policyId());
                }
                Session.Decided concrete = new Session.Decided(r.decision() == Decision.ALLOW,
                        new TreeSet<>(r.diagnostics().reason()), errors);
                stats.comparisons++;
                if (!concrete.equals(symbolic.get())) {
                    stats.mismatches.add("solver " + symbolic.get() + " authorizer " + concrete + "\n"
                            + describe(c, caseSeed, request, set.source));
                }
            }
        } finally {
            for (Session s : sessions.values()) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    static String describe(GeneratedInputs.Case c, long caseSeed, Request request, PolicySet policies) {
        return "case seed " + caseSeed + "\nschema:\n" + c.schemaText() + "\npolicies:\n" + policies.toCedar()
                + "\nrequest: " + request + "\nentities: " + CedarJson.writeEntities(c.entities());
    }
}
