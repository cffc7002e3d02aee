package io.cedarwood.engine;

import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.LongValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cedarwood.engine.eval.Exprs.add;
import static io.cedarwood.engine.eval.Exprs.and;
import static io.cedarwood.engine.eval.Exprs.error;
import static io.cedarwood.engine.eval.Exprs.get;
import static io.cedarwood.engine.eval.Exprs.gt;
import static io.cedarwood.engine.eval.Exprs.lit;
import static io.cedarwood.engine.eval.Exprs.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizerTest {
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid BOB = EntityUid.of("User", "bob");
    private static final EntityUid VIEW = EntityUid.of("Action", "view");
    private static final EntityUid PHOTO = EntityUid.of("Photo", "p");
    private static final Entities ENTITIES = Entities.of(List.of(
            new Entity(ALICE, Map.of("age", LongValue.of(30)), Set.of())));
    private static final Request REQUEST = new Request(ALICE, VIEW, PHOTO);

    private final Authorizer authorizer = new Authorizer();

    private static Policy policy(String id, Effect effect, Expr... whens) {
        List<Condition> conditions = new ArrayList<>();
        for (Expr e : whens) {
            conditions.add(new Condition(Condition.Kind.WHEN, e));
        }
        return Policy.builder(PolicyId.of(id), effect).conditions(conditions).build();
    }

    private static Policy permit(String id, Expr... whens) {
        return policy(id, Effect.PERMIT, whens);
    }

    private static Policy forbid(String id, Expr... whens) {
        return policy(id, Effect.FORBID, whens);
    }

    private Response authorize(Policy... policies) {
        return authorizer.isAuthorized(REQUEST, PolicySet.of(List.of(policies)), ENTITIES);
    }

    private static Set<PolicyId> ids(String... ids) {
        Set<PolicyId> out = new LinkedHashSet<>();
        for (String id : ids) {
            out.add(PolicyId.of(id));
        }
        return out;
    }

    private static List<PolicyId> erroring(Response r) {
        return r.diagnostics().errors().stream().map(AuthorizationError::policyId).toList();
    }

    @Test
    void noPoliciesIsADefaultDeny() {
        Response r = authorize();
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.isAllowed()).isFalse();
        assertThat(r.diagnostics().reason()).isEmpty();
        assertThat(r.diagnostics().errors()).isEmpty();
    }

    @Test
    void aSatisfiedPermitAllowsAndIsTheReason() {
        Response r = authorize(permit("p0"), permit("p1", lit(false)), permit("p2", gt(get(principal(), "age"), lit(18))));
        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(r.diagnostics().reason()).isEqualTo(ids("p0", "p2"));
        assertThat(r.diagnostics().errors()).isEmpty();
    }

    @Test
    void aSatisfiedForbidOverridesPermitsAndIsTheReason() {
        Response r = authorize(permit("p0"), forbid("f0"), forbid("f1", lit(false)), forbid("f2"));
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.diagnostics().reason()).isEqualTo(ids("f0", "f2"));
    }

    @Test
    void anUnsatisfiedForbidAloneIsADefaultDeny() {
        Response r = authorize(forbid("f0", lit(false)), permit("p0", lit(false)));
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.diagnostics().reason()).isEmpty();
    }

    @Test
    void anErroringPolicyIsSkippedAndReported() {
        Response r = authorize(permit("p0"), forbid("f0", error()));
        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(r.diagnostics().reason()).isEqualTo(ids("p0"));
        assertThat(r.diagnostics().errors()).containsExactly(
                new AuthorizationError(PolicyId.of("f0"), EvaluationException.Kind.ENTITY_DOES_NOT_EXIST,
                        "entity `Missing::\"entity\"` does not exist", null));
    }

    @Test
    void anErrorOfAParsedPolicyHasItsKindAndWhereThePolicyStandsInTheText() {
        String first = "permit (principal, action, resource);";
        String second = "@id(\"x\")\nforbid (principal, action, resource) when { 1 + \"a\" == 2 };";
        String text = first + "\n\n" + second + "\n";
        Response r = authorizer.isAuthorized(REQUEST, PolicySet.parse(text), ENTITIES);
        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        AuthorizationError error = r.diagnostics().errors().get(0);
        assertThat(error.policyId()).isEqualTo(PolicyId.of("policy1"));
        assertThat(error.kind()).isEqualTo(EvaluationException.Kind.TYPE_ERROR);
        assertThat(text.substring(error.span().start(), error.span().end())).isEqualTo(second);
    }

    @Test
    void anErroringPermitDoesNotAllow() {
        Response r = authorize(permit("p0", add(lit(Long.MAX_VALUE), lit(1))), permit("p1", lit("yes")));
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.diagnostics().reason()).isEmpty();
        assertThat(erroring(r)).containsExactly(PolicyId.of("p0"), PolicyId.of("p1"));
        assertThat(r.diagnostics().errors().get(0).message()).startsWith("integer overflow");
        assertThat(r.diagnostics().errors().get(1).message()).isEqualTo("type error: expected bool, got string");
    }

    @Test
    void errorsAreReportedOnAllowAndDenyAlike() {
        Response r = authorize(forbid("f0"), permit("p0", error()), forbid("f1", error()));
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.diagnostics().reason()).isEqualTo(ids("f0"));
        assertThat(erroring(r)).containsExactly(PolicyId.of("p0"), PolicyId.of("f1"));
    }

    @Test
    void aPolicyAsDeepAsAllowedIsDecidedOnAOneMebibyteStack() throws InterruptedException {
        Expr e = lit(true);
        for (int i = 0; i < Expr.MAX_DEPTH - 6; i++) {
            e = and(e, lit(true));
        }
        PolicySet set = PolicySet.of(List.of(permit("deep", e), forbid("f0", lit(false))));
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = authorizer.isAuthorized(REQUEST, set, ENTITIES);
            } catch (Throwable x) {
                result[0] = x;
            }
        }, "one-mebibyte-stack", 1024L * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isInstanceOfSatisfying(Response.class, r -> {
            assertThat(r.decision()).isEqualTo(Decision.ALLOW);
            assertThat(r.diagnostics().reason()).containsExactly(PolicyId.of("deep"));
        });
    }

    @Test
    void aPolicyDeeperThanTheLimitCannotBeMade() {
        Expr e = lit(true);
        for (int i = 0; i < Expr.MAX_DEPTH; i++) {
            e = and(e, lit(true));
        }
        Expr deep = e;
        assertThatThrownBy(() -> permit("deep", deep)).isInstanceOf(CedarException.class)
                .hasMessage("policy `deep` is nested too deeply: at most 500 levels of nested operations are supported,"
                        + " scope and conditions included");
    }

    @Test
    void linkedPoliciesAreEvaluatedButTemplatesAreNot() {
        Policy template = Policy.builder(PolicyId.of("t"), Effect.PERMIT)
                .principal(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL)))
                .build();
        PolicySet set = PolicySet.of(List.of(template));
        assertThat(authorizer.isAuthorized(REQUEST, set, ENTITIES).decision()).isEqualTo(Decision.DENY);

        PolicySet linkedToBob = set.link(PolicyId.of("t"), PolicyId.of("bob"), Map.of(SlotId.PRINCIPAL, BOB));
        assertThat(authorizer.isAuthorized(REQUEST, linkedToBob, ENTITIES).decision()).isEqualTo(Decision.DENY);

        PolicySet linkedToAlice = linkedToBob.link(PolicyId.of("t"), PolicyId.of("alice"), Map.of(SlotId.PRINCIPAL, ALICE));
        Response r = authorizer.isAuthorized(REQUEST, linkedToAlice, ENTITIES);
        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(r.diagnostics().reason()).isEqualTo(ids("alice"));
    }

    @Test
    void missingEntitiesAreNotErrorsInTheScope() {
        Policy p = Policy.builder(PolicyId.of("p"), Effect.PERMIT)
                .principal(new ScopeConstraint.In(new EntityReference.Uid(EntityUid.of("Group", "g"))))
                .build();
        Response r = authorizer.isAuthorized(new Request(EntityUid.of("User", "ghost"), VIEW, PHOTO),
                PolicySet.of(List.of(p)), Entities.EMPTY);
        assertThat(r.decision()).isEqualTo(Decision.DENY);
        assertThat(r.diagnostics().errors()).isEmpty();
    }

    @Test
    void oneAuthorizerServesManyThreads() throws Exception {
        PolicySet policies = PolicySet.of(List.of(
                permit("p0", gt(get(principal(), "age"), lit(18))), forbid("f0", error())));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> authorizer.isAuthorized(REQUEST, policies, ENTITIES)));
            }
            for (Future<Response> f : futures) {
                Response r = f.get();
                assertThat(r.decision()).isEqualTo(Decision.ALLOW);
                assertThat(erroring(r)).containsExactly(PolicyId.of("f0"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
