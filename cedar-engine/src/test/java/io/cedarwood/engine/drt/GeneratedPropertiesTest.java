package io.cedarwood.engine.drt;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference's proved properties of the authorizer, and the round trips of our formats, checked on
 * generated inputs against our engine alone (no reference needed).
 */
class GeneratedPropertiesTest {
    private static final int CASES = 1500;
    private static final long SEED = 7_777L;
    private static final Authorizer AUTHORIZER = new Authorizer();

    /** One generated policy set with its entities, built as the differential tests build it. */
    private record Generated(AuthCase source, PolicySet policies, Entities entities) {
    }

    private static Generated generate(long seed) {
        AuthCase c = AuthCase.generate(new Rng(seed), false);
        PolicySet set = PolicySet.EMPTY;
        for (Policy p : c.policies()) {
            set = set.add(p);
        }
        for (AuthCase.Link l : c.links()) {
            set = set.link(l.templateId(), l.newId(), l.values());
        }
        return new Generated(c, set, Entities.of(c.entities()));
    }

    /** Whether a policy is satisfied; {@code null} when it errors. */
    private static Boolean satisfied(Policy p, Request r, Entities entities) {
        try {
            return Evaluator.isSatisfied(p, r, entities);
        } catch (EvaluationException e) {
            return null;
        }
    }

    @Test
    void authorizerKeepsItsProvedPropertiesOnGeneratedInputs() {
        int allows = 0;
        int forbidsSeen = 0;
        for (int i = 0; i < CASES; i++) {
            Generated g = generate(Rng.caseSeed(SEED, 0, i));
            for (Request r : g.source().requests()) {
                Response response = AUTHORIZER.isAuthorized(r, g.policies(), g.entities());
                boolean satisfiedPermit = false;
                boolean satisfiedForbid = false;
                for (Policy p : g.policies().policies()) {
                    if (Boolean.TRUE.equals(satisfied(p, r, g.entities()))) {
                        satisfiedPermit |= p.effect() == Effect.PERMIT;
                        satisfiedForbid |= p.effect() == Effect.FORBID;
                    }
                }
                // explicit permit: Allow implies a satisfied permit, and the reasons are satisfied permits
                if (response.decision() == Decision.ALLOW) {
                    allows++;
                    assertThat(satisfiedPermit).as("allow without a satisfied permit, case %d", i).isTrue();
                    for (PolicyId id : response.diagnostics().reason()) {
                        Policy p = g.policies().policy(id);
                        assertThat(p.effect()).isEqualTo(Effect.PERMIT);
                        assertThat(satisfied(p, r, g.entities())).isTrue();
                    }
                }
                // forbid overrides permit
                if (satisfiedForbid) {
                    forbidsSeen++;
                    assertThat(response.decision()).as("a satisfied forbid, case %d", i).isEqualTo(Decision.DENY);
                }
                // default deny
                if (!satisfiedPermit) {
                    assertThat(response.decision()).as("no satisfied permit, case %d", i).isEqualTo(Decision.DENY);
                }
            }
        }
        assertThat(allows).as("the generators produce allows").isGreaterThan(100);
        assertThat(forbidsSeen).as("the generators produce satisfied forbids").isGreaterThan(100);
    }

    @Test
    void orderAndDuplicatesOfPoliciesDoNotChangeTheDecision() {
        for (int i = 0; i < CASES; i++) {
            Generated g = generate(Rng.caseSeed(SEED, 1, i));
            List<Policy> statics = new ArrayList<>(g.policies().policies());
            Collections.shuffle(statics, new Random(i));
            List<Policy> duplicated = new ArrayList<>(statics);
            for (Policy p : statics) {
                duplicated.add(p.toBuilder().id(PolicyId.of(p.id().value() + "_copy")).templateId(null).build());
            }
            PolicySet shuffled = PolicySet.of(statics);
            PolicySet doubled = PolicySet.of(duplicated);
            for (Request r : g.source().requests()) {
                Response original = AUTHORIZER.isAuthorized(r, g.policies(), g.entities());
                Response reordered = AUTHORIZER.isAuthorized(r, shuffled, g.entities());
                assertThat(reordered.decision()).isEqualTo(original.decision());
                assertThat(reordered.diagnostics().reason()).containsExactlyInAnyOrderElementsOf(
                        original.diagnostics().reason());
                assertThat(AUTHORIZER.isAuthorized(r, doubled, g.entities()).decision())
                        .as("case %d", i).isEqualTo(original.decision());
            }
        }
    }

    @Test
    void generatedPoliciesRoundTripThroughTextAndJson() {
        for (int i = 0; i < CASES; i++) {
            AuthCase c = AuthCase.generate(new Rng(Rng.caseSeed(SEED, 2, i)), false);
            for (Policy generated : c.policies()) {
                String text = generated.toCedar();
                Policy parsed = PolicyParser.parsePolicy(generated.id(), text);
                // the tree we built is the tree the text means
                assertThat(parsed).as("case %d:\n%s", i, text).isEqualTo(generated);
                // text -> tree -> text -> tree
                assertThat(PolicyParser.parsePolicy(generated.id(), parsed.toCedar())).isEqualTo(parsed);
                // tree -> JSON -> tree
                assertThat(CedarJson.readPolicy(generated.id(), CedarJson.writePolicy(parsed))).isEqualTo(parsed);
            }
            PolicySet set = PolicySet.of(c.policies());
            assertThat(CedarJson.readPolicySet(CedarJson.writePolicySet(set))).isEqualTo(set);
        }
    }

    @Test
    void generatedEntitiesAndContextsRoundTripThroughJson() {
        for (int i = 0; i < CASES; i++) {
            AuthCase c = AuthCase.generate(new Rng(Rng.caseSeed(SEED, 3, i)), false);
            List<Entity> read = CedarJson.readEntities(CedarJson.writeEntities(c.entities()));
            assertThat(read).as("case %d", i).isEqualTo(c.entities());
            assertThat(Entities.of(read)).isEqualTo(Entities.of(c.entities()));
            for (Request r : c.requests()) {
                Value context = CedarJson.readContext(CedarJson.writeValue(r.context()));
                assertThat(context).isEqualTo(r.context());
            }
        }
    }
    /**
     * Validator soundness, per policy and in both modes: a policy that validates (neither it nor its template
     * has errors) never gives a type error on schema-conforming entities and a valid request. Permissive mode
     * is only ever more lenient than strict mode.
     */
    @ParameterizedTest
    @EnumSource(io.cedarwood.engine.validation.ValidationMode.class)
    void policiesThatValidateGiveNoTypeErrorsOnConformingInputs(io.cedarwood.engine.validation.ValidationMode mode) {
        int validPolicies = 0;
        int requestsChecked = 0;
        int evaluations = 0;
        int typeErrorsOfRejectedPolicies = 0;
        int strictOnlyFailures = 0;
        for (int i = 0; i < CASES; i++) {
            AuthCase c = AuthCase.generate(new Rng(Rng.caseSeed(SEED, 4, i)), false);
            io.cedarwood.engine.schema.Schema schema = io.cedarwood.engine.schema.Schema.parseCedarSchema(c.schema().toCedarSchema());
            PolicySet set = ValidationTarget.policySet(c);
            io.cedarwood.engine.Validator validator = new io.cedarwood.engine.Validator(schema);
            Set<String> failing = ValidationTarget.failing(validator.validate(set, mode));
            if (mode == io.cedarwood.engine.validation.ValidationMode.PERMISSIVE) {
                Set<String> failingStrict = ValidationTarget.failing(
                        validator.validate(set, io.cedarwood.engine.validation.ValidationMode.STRICT));
                assertThat(failingStrict).as("case %d: strict fails whatever permissive fails", i)
                        .containsAll(failing);
                strictOnlyFailures += failingStrict.size() - failing.size();
            }
            Entities entities;
            try {
                entities = Entities.of(CedarJson.readEntities(CedarJson.writeEntities(c.entities()), schema));
            } catch (io.cedarwood.engine.value.CedarException e) {
                continue;
            }
            List<Policy> valid = new ArrayList<>();
            List<Policy> rejected = new ArrayList<>();
            for (Policy p : set.policies()) {
                boolean fails = failing.contains(p.id().value())
                        || p.templateId().map(t -> failing.contains(t.value())).orElse(false);
                (fails ? rejected : valid).add(p);
            }
            validPolicies += valid.size();
            for (Request r : c.requests()) {
                try {
                    schema.validateRequest(r);
                } catch (io.cedarwood.engine.value.CedarException e) {
                    continue;
                }
                requestsChecked++;
                for (Policy p : valid) {
                    evaluations++;
                    try {
                        Evaluator.isSatisfied(p, r, entities);
                    } catch (EvaluationException e) {
                        assertThat(e.kind()).as("case %d, %s validation, policy %s on %s: %s%nschema:%n%s%npolicy:%n%s",
                                i, mode, p.id(), r, e.getMessage(), c.schema().toCedarSchema(), p.toCedar())
                                .isNotEqualTo(EvaluationException.Kind.TYPE_ERROR);
                    }
                }
                for (Policy p : rejected) {
                    try {
                        Evaluator.isSatisfied(p, r, entities);
                    } catch (EvaluationException e) {
                        typeErrorsOfRejectedPolicies += e.kind() == EvaluationException.Kind.TYPE_ERROR ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("validator soundness (%s): %d valid policies on conforming entities, %d valid requests, "
                + "%d evaluations of valid policies; %d type errors of rejected policies; %d failing in strict mode only%n",
                mode, validPolicies, requestsChecked, evaluations, typeErrorsOfRejectedPolicies, strictOnlyFailures);
        assertThat(requestsChecked).as("valid requests").isGreaterThan(200);
        assertThat(evaluations).as("evaluations of validated policies").isGreaterThan(2000);
        // the same inputs do give type errors where the validator rejects the policies, so the check has teeth
        assertThat(typeErrorsOfRejectedPolicies).as("type errors of policies the validator rejects").isGreaterThan(20);
        if (mode == io.cedarwood.engine.validation.ValidationMode.PERMISSIVE) {
            // and the modes do differ on these inputs, so the subset check has teeth too
            assertThat(strictOnlyFailures).as("policies only strict mode rejects").isGreaterThan(0);
        }
    }
}
