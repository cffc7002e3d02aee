package io.cedarwood.enforcement;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EnforcerTest {
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid DOC = EntityUid.of("Doc", "1");

    private static Enforcer enforcer(String policies, Schema schema, EntityProvider entities, EnforcementMode mode,
            DecisionListener... listeners) {
        PolicySet set = PolicyFiles.policies(List.of(new PolicySource("p.cedar", policies)));
        Enforcer.Builder b = Enforcer.builder(PolicyStore.of(schema == null ? PolicyBundle.of(set) : PolicyBundle.of(set, schema)))
                .entities(entities).mode(mode);
        for (DecisionListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    private static EnforcementDecision decide(Enforcer e, Entity principal, String action) {
        return e.decide("test", () -> principal, EntityUid.of("Action", action), DOC, () -> RecordValue.EMPTY);
    }

    @Test
    void theSchemasActionGroupsCount() {
        Schema schema = Schema.parseCedarSchema("""
                entity User; entity Doc;
                action read appliesTo { principal: User, resource: Doc };
                action view in [read] appliesTo { principal: User, resource: Doc };
                """);
        Enforcer e = enforcer("permit(principal, action in Action::\"read\", resource);", schema, Entities.EMPTY,
                EnforcementMode.ENFORCING);
        EnforcementDecision d = decide(e, Entity.of(ALICE), "view");
        assertThat(d.isGranted()).isTrue();
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("policy0"));
    }

    @Test
    void theFrameworksPrincipalIsMergedWithTheApplicationsEntity() {
        Entity fromApp = new Entity(ALICE, Map.of("dept", StringValue.of("eng")), Set.of(EntityUid.of("Team", "a")));
        Entity fromFramework = new Entity(ALICE, Map.of("dept", StringValue.of("x"), "mfa", StringValue.of("yes")),
                Set.of(EntityUid.of("Role", "admin")));
        Enforcer e = enforcer("""
                permit(principal in Role::"admin", action, resource)
                  when { principal in Team::"a" && principal.dept == "eng" && principal.mfa == "yes" };
                """, null, Entities.of(List.of(fromApp)), EnforcementMode.ENFORCING);
        assertThat(decide(e, fromFramework, "read").isGranted()).isTrue();
    }

    @Test
    void eachEntityIsAskedForOnce() {
        List<EntityUid> asked = new ArrayList<>();
        EntityProvider counting = uid -> {
            asked.add(uid);
            return uid.equals(DOC) ? new Entity(DOC, Map.of("owner", ALICE), Set.of()) : null;
        };
        Enforcer e = enforcer("""
                permit(principal, action, resource) when { resource.owner == principal };
                permit(principal, action, resource) when { resource.owner == principal && resource has owner };
                forbid(principal, action, resource) when { resource in Doc::"0" };
                """, null, counting, EnforcementMode.ENFORCING);
        assertThat(decide(e, Entity.of(ALICE), "read").isGranted()).isTrue();
        assertThat(asked).doesNotHaveDuplicates();
    }

    @Test
    void anEntityWithAnotherUidThanAskedIsRefused() {
        // a provider that parses ids loosely: "01" is list 1
        EntityProvider loose = uid -> uid.type().name().equals("Doc")
                ? new Entity(EntityUid.of("Doc", String.valueOf(Long.parseLong(uid.id()))), Map.of(),
                        Set.of(EntityUid.of("Folder", "locked"))) : null;
        Enforcer e = enforcer("""
                permit(principal, action, resource);
                forbid(principal, action, resource) unless { resource in Folder::"public" };
                """, null, loose, EnforcementMode.ENFORCING);
        EnforcementDecision d = e.decide("test", () -> Entity.of(ALICE), EntityUid.of("Action", "read"),
                EntityUid.of("Doc", "01"), () -> RecordValue.EMPTY);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("`Doc::\"1\"`").contains("`Doc::\"01\"`"));
    }

    @Test
    void permissiveModeGrantsADenialButSaysItWasNotEnforced() {
        Enforcer e = enforcer("forbid(principal, action, resource);", null, Entities.EMPTY, EnforcementMode.PERMISSIVE);
        EnforcementDecision d = decide(e, Entity.of(ALICE), "read");
        assertThat(d.isGranted()).isTrue();
        assertThat(d.isEnforced()).isFalse();
        assertThat(d.cedarDecision()).isEqualTo(io.cedarwood.engine.authz.Decision.DENY);
    }

    @Test
    void permissiveModeStillDeniesFailures() {
        Enforcer e = enforcer("permit(principal, action, resource);", null, uid -> {
            throw new IllegalStateException("database down");
        }, EnforcementMode.PERMISSIVE);
        EnforcementDecision d = decide(e, Entity.of(ALICE), "read");
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("database down"));
    }

    @Test
    void noPrincipalIsUnauthenticatedWithoutAskingCedar() {
        Enforcer e = enforcer("permit(principal, action, resource);", null, Entities.EMPTY, EnforcementMode.ENFORCING);
        EnforcementDecision d = decide(e, null, "read");
        assertThat(d.isGranted()).isFalse();
        assertThat(d.isAuthenticated()).isFalse();
        assertThat(d.failure()).contains("unauthenticated");
        assertThat(d.request()).isEmpty();
    }

    @Test
    void whateverFailsDenies() {
        Enforcer e = enforcer("permit(principal, action, resource);", null, Entities.EMPTY, EnforcementMode.ENFORCING);
        assertThat(e.decide("t", () -> {
            throw new IllegalArgumentException("bad mapper");
        }, EntityUid.of("Action", "a"), DOC, () -> RecordValue.EMPTY).isGranted()).isFalse();
        assertThat(e.decide("t", () -> Entity.of(ALICE), EntityUid.of("Action", "a"), DOC, () -> {
            throw new StackOverflowError();
        }).failure()).contains("the decision failed: nested too deeply");
        assertThat(e.decide("t", () -> Entity.of(ALICE), null, DOC, () -> RecordValue.EMPTY).isGranted()).isFalse();
    }

    @Test
    void listenersHearEveryDecisionAndCannotChangeIt() {
        List<EnforcementDecision> heard = new ArrayList<>();
        Enforcer e = enforcer("permit(principal, action, resource);", null, Entities.EMPTY, EnforcementMode.ENFORCING,
                (d, nanos) -> {
                    throw new IllegalStateException("broken listener");
                }, (d, nanos) -> heard.add(d));
        assertThat(decide(e, Entity.of(ALICE), "read").isGranted()).isTrue();
        EnforcementDecision failed = e.fail("http", () -> Entity.of(ALICE), "no route for `GET /x`");
        assertThat(failed.isGranted()).isFalse();
        assertThat(failed.principal()).contains(ALICE);
        assertThat(heard).hasSize(2);
    }

    @Test
    void aDecisionReadsThePoliciesInUseOnce() {
        PolicyStore store = PolicyStore.of(PolicyBundle.of(PolicySet.parse("permit(principal, action, resource);")));
        Enforcer e = Enforcer.builder(store).build();
        assertThat(decide(e, Entity.of(ALICE), "read").isGranted()).isTrue();
        store.replace(PolicyBundle.of(PolicySet.EMPTY));
        assertThat(decide(e, Entity.of(ALICE), "read").isGranted()).isFalse();
        assertThat(store.version()).isEqualTo(2);
    }
}
