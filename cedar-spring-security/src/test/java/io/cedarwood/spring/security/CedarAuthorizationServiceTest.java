package io.cedarwood.spring.security;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CedarAuthorizationServiceTest {
    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.createAuthorityList("ROLE_EDITOR"));
    private static final EntityUid VIEW = EntityUid.of("Action", "view");
    private static final EntityUid EDIT = EntityUid.of("Action", "edit");
    private static final EntityUid DOC = EntityUid.of("Doc", "d");

    /** policy0: editors edit; policy1: sales views; policy2: nobody touches secrets. */
    private static final String POLICIES = """
            permit(principal in Role::"ROLE_EDITOR", action == Action::"edit", resource);
            permit(principal, action == Action::"view", resource) when { principal.department == "sales" };
            forbid(principal, action, resource) when { resource.secret };
            """;

    private static CedarAuthorizationService.Builder service(EntityProvider entities) {
        return CedarAuthorizationService.builder(PolicyStore.of(PolicyBundle.of(PolicySet.parse(POLICIES))))
                .entities(entities);
    }

    private static Entities entities(boolean secret) {
        return Entities.of(List.of(
                new Entity(EntityUid.of("User", "alice"), Map.of("department", StringValue.of("sales")), Set.of()),
                new Entity(DOC, Map.of("secret", io.cedarwood.engine.value.BoolValue.of(secret)), Set.of())));
    }

    @Test
    void principalIsTheApplicationsEntityPlusTheAuthoritiesAsParents() {
        CedarAuthorizationService s = service(entities(false)).build();
        assertThat(s.authorize(Source.HTTP, ALICE, EDIT, DOC, null).diagnostics().reason()).containsExactly(PolicyId.of("policy0"));
        assertThat(s.authorize(Source.HTTP, ALICE, VIEW, DOC, null).diagnostics().reason()).containsExactly(PolicyId.of("policy1"));
    }

    @Test
    void policyErrorsAreDiagnosticsNotFailures() {
        CedarAuthorizationService s = service(Entities.EMPTY).build();
        CedarAuthorizationDecision d = s.authorize(Source.METHOD, ALICE, VIEW, DOC, null);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).isEmpty();
        assertThat(d.diagnostics().errors()).extracting(e -> e.policyId().value()).containsExactly("policy1", "policy2");
    }

    @Test
    void anExceptionFromTheEntityProviderIsADenial() {
        EntityProvider broken = uid -> {
            throw new IllegalStateException("database down");
        };
        CedarAuthorizationDecision d = service(broken).build().authorize(Source.HTTP, ALICE, EDIT, DOC, null);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("database down"));
    }

    @Test
    void unauthenticatedIsDeniedWithoutAskingCedar() {
        CedarAuthorizationDecision d = service(entities(false)).build().authorize(Source.HTTP, null, EDIT, DOC, null);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).hasValue("unauthenticated");
        assertThat(d.response()).isEmpty();
    }

    @Test
    void permissiveModeGrantsCedarsDenialsButNotFailures() {
        CedarAuthorizationService s = service(entities(true)).mode(EnforcementMode.PERMISSIVE).build();
        CedarAuthorizationDecision d = s.authorize(Source.HTTP, ALICE, EDIT, DOC, null);
        assertThat(d.isGranted()).isTrue();
        assertThat(d.isEnforced()).isFalse();
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("policy2"));
        assertThat(s.authorize(Source.HTTP, null, EDIT, DOC, null).isGranted()).isFalse();
        assertThat(s.fail(Source.HTTP, ALICE, "no route").isGranted()).isFalse();
    }

    @Test
    void listenersHearEveryDecisionAndOneThatThrowsChangesNothing() {
        List<EnforcementDecision> heard = new ArrayList<>();
        CedarAuthorizationService s = service(entities(false))
                .listener((d, nanos) -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener((d, nanos) -> heard.add(d))
                .build();
        assertThat(s.authorize(Source.HTTP, ALICE, EDIT, DOC, null).isGranted()).isTrue();
        s.fail(Source.HTTP, ALICE, "no route");
        assertThat(heard).extracting(EnforcementDecision::isGranted).containsExactly(true, false);
    }

    @Test
    void actionsByIdOrByUid() {
        CedarAuthorizationService s = service(Entities.EMPTY).actionType("App::Action").build();
        assertThat(s.action("view")).isEqualTo(EntityUid.of("App::Action", "view"));
        assertThat(s.action("Other::Action::\"view\"")).isEqualTo(EntityUid.of("Other::Action", "view"));
    }
}
