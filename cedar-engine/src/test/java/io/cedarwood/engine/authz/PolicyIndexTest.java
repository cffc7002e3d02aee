package io.cedarwood.engine.authz;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyIndexTest {
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid VIEW = EntityUid.of("Action", "view");
    private static final EntityUid DOC = EntityUid.of("Doc", "d");

    private static PolicySet policies(String text) {
        return PolicySet.parse(text);
    }

    private static List<String> candidateIds(PolicySet set, Request request, EntityProvider entities) {
        PolicyIndex index = new PolicyIndex(set.policies(), 0);
        List<String> ids = new ArrayList<>();
        for (int i : index.candidates(request, entities)) {
            ids.add(index.policy(i).policy().id().value());
        }
        return ids;
    }

    @Test
    void candidatesAreThePoliciesWhoseScopeCanMatchInSetOrder() {
        PolicySet set = policies("""
                permit(principal == User::"bob", action, resource);
                permit(principal, action, resource == Doc::"d");
                permit(principal in Group::"staff", action, resource);
                permit(principal in Group::"other", action, resource);
                permit(principal, action == Action::"view", resource);
                permit(principal, action == Action::"edit", resource);
                permit(principal, action in [Action::"read"], resource);
                permit(principal, action in [], resource);
                permit(principal is User, action, resource);
                permit(principal is Doc, action, resource);
                permit(principal, action, resource is Doc in Folder::"f");
                permit(principal, action, resource) when { false };
                permit(principal == User::"alice", action, resource);
                permit(principal, action, resource is Doc in Folder::"g");
                """);
        Entities entities = Entities.of(List.of(
                new Entity(ALICE, java.util.Map.of(), Set.of(EntityUid.of("Group", "staff"))),
                new Entity(VIEW, java.util.Map.of(), Set.of(EntityUid.of("Action", "read"))),
                new Entity(DOC, java.util.Map.of(), Set.of(EntityUid.of("Folder", "f")))));
        assertThat(candidateIds(set, new Request(ALICE, VIEW, DOC), entities)).containsExactly(
                "policy1", "policy2", "policy4", "policy6", "policy8", "policy10", "policy11", "policy12");
    }

    @Test
    void aLargeSetLooksAtAFewPoliciesOnly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("permit(principal == User::\"u").append(i).append("\", action == Action::\"view\", resource == Doc::\"d")
                    .append(i).append("\");\n");
        }
        PolicySet set = policies(text.toString());
        Request request = new Request(EntityUid.of("User", "u42"), VIEW, EntityUid.of("Doc", "d42"));
        int[] candidates = set.index().candidates(request, Entities.EMPTY);
        assertThat(candidates).containsExactly(42);
        Response response = new Authorizer().isAuthorized(request, set, Entities.EMPTY);
        assertThat(response.decision()).isEqualTo(Decision.ALLOW);
        assertThat(response.diagnostics().reason()).containsExactly(new PolicyId("policy42"));
    }

    @Test
    void policiesAreLookedUpByTheTestTheirConditionsStartWith() {
        PolicySet set = policies("""
                permit(principal, action, resource) when { principal.dept == "d1" && context.level > 3 };
                permit(principal, action, resource) when { "d2" == principal.dept };
                permit(principal, action, resource) when { resource.tags.contains("t1") };
                permit(principal, action, resource) when { resource.tags.contains("t2") };
                permit(principal, action, resource) when { principal in Group::"staff" };
                permit(principal, action, resource) when { principal in Group::"other" };
                permit(principal, action, resource) unless { principal.dept != "d1" || context.level > 3 };
                permit(principal, action, resource) unless { principal.dept != "d2" };
                permit(principal, action, resource) when { context.level > 3 && principal.dept == "d2" };
                permit(principal, action, resource) when { true } when { principal.dept == "d2" };
                permit(principal, action, resource) when { principal.dept == "d2" || true };
                permit(principal, action, resource) when { resource.missing == 1 };
                """);
        Entities entities = Entities.of(List.of(
                new Entity(ALICE, java.util.Map.of("dept", io.cedarwood.engine.value.StringValue.of("d1")),
                        Set.of(EntityUid.of("Group", "staff"))),
                new Entity(DOC, java.util.Map.of("tags", io.cedarwood.engine.value.SetValue.of(
                        io.cedarwood.engine.value.StringValue.of("t2"))), Set.of())));
        // the tests that cannot be looked up (not first, not in the first condition, under `||`) stay
        // candidates, and so does the one whose path errors (`resource.missing`)
        assertThat(candidateIds(set, new Request(ALICE, VIEW, DOC), entities)).containsExactly(
                "policy0", "policy3", "policy4", "policy6", "policy8", "policy9", "policy10", "policy11");
        // a principal without `dept`: every policy testing `principal.dept` first errors, so all are candidates
        Entities noDept = Entities.of(List.of(new Entity(ALICE, java.util.Map.of(), Set.of())));
        assertThat(candidateIds(set, new Request(ALICE, VIEW, DOC), noDept)).containsExactly(
                "policy0", "policy1", "policy2", "policy3", "policy6", "policy7", "policy8", "policy9",
                "policy10", "policy11");
    }

    @Test
    void aLargeSetOfPoliciesToldApartByTheirConditionsLooksAtAFewOnly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append(switch (i % 3) {
                case 0 -> "permit(principal, action, resource) when { principal.dept == \"d" + i + "\" };\n";
                case 1 -> "permit(principal, action, resource) when { resource.tags.contains(\"t" + i + "\") };\n";
                default -> "permit(principal, action, resource) when { principal in Group::\"g" + i + "\" };\n";
            });
        }
        PolicySet set = policies(text.toString());
        Entities entities = Entities.of(List.of(
                new Entity(ALICE, java.util.Map.of("dept", io.cedarwood.engine.value.StringValue.of("d42")),
                        Set.of(EntityUid.of("Group", "g44"))),
                new Entity(DOC, java.util.Map.of("tags", io.cedarwood.engine.value.SetValue.of(
                        io.cedarwood.engine.value.StringValue.of("t43"))), Set.of())));
        Request request = new Request(ALICE, VIEW, DOC);
        assertThat(set.index().candidates(request, entities)).containsExactly(42, 43, 44);
        Response response = new Authorizer().isAuthorized(request, set, entities);
        assertThat(response.diagnostics().reason()).containsExactlyInAnyOrder(
                new PolicyId("policy42"), new PolicyId("policy43"), new PolicyId("policy44"));
    }

    @Test
    void aSmallSetIsScannedWhole() {
        PolicySet set = policies("""
                permit(principal == User::"bob", action, resource);
                permit(principal == User::"carol", action, resource);
                """);
        int[] candidates = set.index().candidates(new Request(ALICE, VIEW, DOC), Entities.EMPTY);
        assertThat(Arrays.stream(candidates).boxed().toList()).containsExactly(0, 1);
    }

    @Test
    void templateLinkedPoliciesAreIndexedByTheirFilledSlots() {
        PolicySet set = policies("permit(principal == ?principal, action, resource in ?resource);")
                .link(new PolicyId("policy0"), new PolicyId("alice-docs"),
                        java.util.Map.of(io.cedarwood.engine.ast.SlotId.PRINCIPAL, ALICE,
                                io.cedarwood.engine.ast.SlotId.RESOURCE, EntityUid.of("Folder", "f")))
                .link(new PolicyId("policy0"), new PolicyId("bob-docs"),
                        java.util.Map.of(io.cedarwood.engine.ast.SlotId.PRINCIPAL, EntityUid.of("User", "bob"),
                                io.cedarwood.engine.ast.SlotId.RESOURCE, EntityUid.of("Folder", "f")));
        Entities entities = Entities.of(List.of(new Entity(DOC, java.util.Map.of(), Set.of(EntityUid.of("Folder", "f")))));
        assertThat(candidateIds(set, new Request(ALICE, VIEW, DOC), entities)).containsExactly("alice-docs");
        assertThat(new Authorizer().isAuthorized(new Request(ALICE, VIEW, DOC), set, entities).decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void policySetOfManyPoliciesIsBuiltInOnePass() {
        List<Policy> many = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            many.add(Policy.builder(new PolicyId("p" + i), io.cedarwood.engine.ast.Effect.PERMIT).build());
        }
        long start = System.nanoTime();
        PolicySet set = PolicySet.of(many);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(set.policies()).hasSize(50_000);
        assertThat(millis).as("milliseconds to build a set of 50,000 policies").isLessThan(5_000);
    }

    @Test
    void threadsAuthorizingOnAFreshSetAtOnceGetTheSameAnswers() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("permit(principal == User::\"u").append(i).append("\", action, resource) when { context.ok };\n");
        }
        for (int round = 0; round < 5; round++) {
            PolicySet set = policies(text.toString()); // its index is built by whichever thread comes first
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<Decision>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        List<Decision> decisions = new ArrayList<>();
                        for (int i = 0; i < 2_000; i += 7) {
                            io.cedarwood.engine.value.RecordValue context = new io.cedarwood.engine.value.RecordValue(
                                    java.util.Map.of("ok", io.cedarwood.engine.value.BoolValue.of(i % 2 == 0)));
                            Request request = new Request(EntityUid.of("User", "u" + i), VIEW, DOC, context);
                            decisions.add(new Authorizer().isAuthorized(request, set, Entities.EMPTY).decision());
                        }
                        return decisions;
                    }));
                }
                List<Decision> first = results.get(0).get();
                assertThat(first).hasSize(286).contains(Decision.ALLOW, Decision.DENY);
                for (java.util.concurrent.Future<List<Decision>> f : results) {
                    assertThat(f.get()).isEqualTo(first);
                }
                for (int k = 0; k < first.size(); k++) {
                    assertThat(first.get(k)).isEqualTo((k * 7) % 2 == 0 ? Decision.ALLOW : Decision.DENY);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
