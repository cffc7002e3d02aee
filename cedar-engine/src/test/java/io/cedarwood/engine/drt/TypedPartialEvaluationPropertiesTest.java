package io.cedarwood.engine.drt;

import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;
import io.cedarwood.engine.partial.ResidualPolicy;
import io.cedarwood.engine.partial.TypedPartialAuthorizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soundness of typed partial evaluation, on generated inputs that fit the schema (policies that validate,
 * entities that conform, requests that validate): for every completion, the residuals reauthorize to the
 * concrete answer, and a residual of {@code true} or {@code false} is final (the policy is satisfied, or not,
 * without an error). A campaign: {@code -Dtest=TypedPartialEvaluationPropertiesTest -Dpartial.cases=N
 * -Dpartial.seed=random}.
 */
class TypedPartialEvaluationPropertiesTest {
    private static final int CASES = 400;
    private static final Authorizer AUTHORIZER = new Authorizer();

    @Test
    void typedResidualsAreFinalAndGiveTheConcreteAnswer() {
        int cases = Integer.getInteger("partial.cases", CASES);
        String seedProperty = System.getProperty("partial.seed", "13014");
        long seed = seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        long comparisons = 0;
        long finalResiduals = 0;
        long moreFoldedThanUntyped = 0;
        long requests = 0;
        for (int i = 0; i < cases; i++) {
            long caseSeed = Rng.caseSeed(seed, 1, i);
            Rng rng = new Rng(caseSeed);
            PartialCase c = PartialCase.generate(rng);
            Schema schema = Schema.parseCedarSchema(c.source().schema().toCedarSchema());
            Entities entities;
            try {
                entities = Entities.of(CedarJson.readEntities(CedarJson.writeEntities(c.source().entities()), schema));
            } catch (CedarException e) {
                continue;
            }
            Set<String> failing = ValidationTarget.failing(new Validator(schema).validate(c.policies(), ValidationMode.STRICT));
            List<Policy> valid = new ArrayList<>();
            for (Policy p : c.policies().policies()) {
                if (!failing.contains(p.id().value()) && !p.templateId().map(t -> failing.contains(t.value())).orElse(false)) {
                    valid.add(p.toBuilder().templateId(null).build());
                }
            }
            PolicySet policies = PolicySet.of(valid);
            TypedPartialAuthorizer tpe = new TypedPartialAuthorizer(schema);
            PartialEntityProvider partialEntities = PartialEntityProvider.of(entities, c.unknownEntities(),
                    c.unknownAttributes());
            List<Request> validRequests = new ArrayList<>();
            for (Request r : c.source().requests()) {
                try {
                    schema.validateRequest(r);
                    validRequests.add(r);
                } catch (CedarException e) {
                    // not a request the typed form is for
                }
            }
            for (Request original : validRequests) {
                PartialRequest forgotten = PartialCase.forget(rng, original);
                PartialRequest partial = PartialRequest.builder().action(original.action())
                        .principal(forgotten.principal().orElse(null)).principalType(original.principal().type())
                        .resource(forgotten.resource().orElse(null)).resourceType(original.resource().type())
                        .context(forgotten.context().orElse(null)).build();
                PartialResponse typed = tpe.isAuthorized(partial, policies, partialEntities);
                PartialResponse untyped = AUTHORIZER.isAuthorizedPartial(partial, policies, partialEntities);
                requests++;
                moreFoldedThanUntyped += untyped.residuals().size() - typed.residuals().size();
                for (Request completion : validRequests) {
                    if (!partial.isCompletedBy(completion)) {
                        continue;
                    }
                    comparisons++;
                    Response concrete = AUTHORIZER.isAuthorized(completion, policies, entities);
                    Response again = typed.reauthorize(completion, entities);
                    String where = "case seed " + caseSeed + ": " + partial + ", completion " + completion;
                    assertThat(again.decision()).as(where).isEqualTo(concrete.decision());
                    assertThat(new HashSet<>(again.diagnostics().reason())).as(where)
                            .isEqualTo(concrete.diagnostics().reason());
                    assertThat(errorIds(again.diagnostics().errors())).as(where)
                            .isEqualTo(errorIds(concrete.diagnostics().errors()));
                    typed.decision().ifPresent(d -> assertThat(d).as(where).isEqualTo(concrete.decision()));
                    for (ResidualPolicy residual : typed.allResiduals()) {
                        if (residual.isTrue() || residual.isFalse()) {
                            finalResiduals++;
                            Boolean satisfied;
                            try {
                                satisfied = Evaluator.isSatisfied(policies.policy(residual.id()), completion, entities);
                            } catch (EvaluationException e) {
                                satisfied = null;
                            }
                            assertThat(satisfied).as("%s: %s is final", where, residual.id()).isEqualTo(residual.isTrue());
                        }
                    }
                }
            }
        }
        System.out.printf("typed partial evaluation soundness: seed %d, %d cases, %d partial requests, %d comparisons, "
                + "%d true/false residuals checked final, %d fewer residuals than untyped%n", seed, cases, requests,
                comparisons, finalResiduals, moreFoldedThanUntyped);
        assertThat(comparisons).isGreaterThan(cases);
        assertThat(finalResiduals).isGreaterThan(cases);
        assertThat(moreFoldedThanUntyped).as("the types fold more than the untyped form").isGreaterThan(0);
    }

    private static Set<PolicyId> errorIds(List<AuthorizationError> errors) {
        Set<PolicyId> out = new HashSet<>();
        for (AuthorizationError e : errors) {
            out.add(e.policyId());
        }
        return out;
    }
}
