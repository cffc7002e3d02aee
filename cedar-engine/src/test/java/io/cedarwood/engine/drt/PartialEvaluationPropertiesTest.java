package io.cedarwood.engine.drt;

import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soundness of partial authorization, the theorem cedar-spec proves for its partial evaluator, checked on
 * generated inputs: for random partial requests and entities and random completions of every unknown,
 * {@link PartialResponse#reauthorize} gives the decision, the determining policies and the erroring policies
 * that {@link Authorizer#isAuthorized} gives on the completion; a known decision is the completion's
 * decision; the must-be-determining policies determine it and the may-be-determining ones include those that do.
 *
 * <p>The build runs {@value #CASES} cases; a campaign: {@code mvn -pl cedar-engine test
 * -Dtest=PartialEvaluationPropertiesTest -Dpartial.cases=N -Dpartial.seed=random -Dfuzz.skip=true}.
 */
class PartialEvaluationPropertiesTest {
    private static final int CASES = 1500;
    private static final Authorizer AUTHORIZER = new Authorizer();

    @Test
    void residualsGiveTheConcreteAnswerForEveryCompletion() {
        int cases = Integer.getInteger("partial.cases", CASES);
        String seedProperty = System.getProperty("partial.seed", "13013");
        long seed = seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        Stats stats = new Stats();
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            check(Rng.caseSeed(seed, 0, i), stats);
        }
        System.out.printf("partial evaluation soundness: seed %d, %d cases, %d partial requests (%d decided, %d residual "
                        + "policies), %d comparisons with concrete authorization, %.1f s%n", seed, cases, stats.partials,
                stats.decided, stats.residualPolicies, stats.comparisons, (System.nanoTime() - start) / 1e9);
        assertThat(stats.comparisons).isGreaterThan(cases * 8L);
        // the generators reach every outcome, so the property has teeth
        assertThat(stats.decided).as("partial requests decided by their known parts").isGreaterThan(cases);
        assertThat(stats.undecided).as("partial requests left undecided").isGreaterThan(cases / 2);
        assertThat(stats.residualPolicies).as("residual policies").isGreaterThan(cases);
        assertThat(stats.residualErrors).as("residuals that error on a completion").isGreaterThan(cases / 50);
    }

    private static final class Stats {
        long partials;
        long decided;
        long undecided;
        long residualPolicies;
        long residualErrors;
        long comparisons;
    }

    /** One case: every request made partial, checked against several completions. */
    static void check(long caseSeed, Stats stats) {
        Rng rng = new Rng(caseSeed);
        PartialCase c = PartialCase.generate(rng);
        for (Request original : c.source().requests()) {
            PartialRequest partial = PartialCase.forget(rng, original);
            PartialResponse response = AUTHORIZER.isAuthorizedPartial(partial, c.policies(), c.partialEntities());
            stats.partials++;
            if (response.decision().isPresent()) {
                stats.decided++;
            } else {
                stats.undecided++;
            }
            stats.residualPolicies += response.residuals().size();
            List<Request> completions = c.completions(rng, partial, original, 3);
            for (int k = 0; k < completions.size(); k++) {
                Request completion = completions.get(k);
                Entities entities = k % 2 == 0 ? c.entities() : c.otherEntities(rng);
                Response concrete = AUTHORIZER.isAuthorized(completion, c.policies(), entities);
                Response again = response.reauthorize(completion, entities);
                stats.comparisons++;
                Set<PolicyId> concreteErrors = errorIds(concrete.diagnostics().errors());
                Set<PolicyId> againErrors = errorIds(again.diagnostics().errors());
                stats.residualErrors += againErrors.size() - response.errored().size();
                boolean agrees = again.decision() == concrete.decision()
                        && new HashSet<>(again.diagnostics().reason()).equals(concrete.diagnostics().reason())
                        && againErrors.equals(concreteErrors)
                        && response.decision().map(d -> d == concrete.decision()).orElse(true)
                        && concreteErrors.containsAll(response.errored())
                        && response.mayBeDetermining().containsAll(concrete.diagnostics().reason())
                        && concrete.diagnostics().reason().containsAll(response.mustBeDetermining());
                if (!agrees) {
                    throw new AssertionError(String.format("case seed %d: %s, completion %s%npolicies:%n%s%n"
                                    + "entities:%n%s%nunknown entities %s, unknown attributes %s%npartial %s, "
                                    + "residuals:%n%s%nconcrete %s%nreauthorized %s", caseSeed, partial, completion,
                            c.policies().toCedar(), entities, c.unknownEntities(), c.unknownAttributes(), response,
                            response.residuals().stream().map(r -> r.toCedar()).reduce("", (a, b) -> a + b + "\n"),
                            concrete, again));
                }
            }
        }
    }

    private static Set<PolicyId> errorIds(List<AuthorizationError> errors) {
        Set<PolicyId> out = new HashSet<>();
        for (AuthorizationError e : errors) {
            out.add(e.policyId());
        }
        return out;
    }
}
