package io.cedarwood.jakarta;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarAuthorizationTest {
    private static final Principal ALICE = () -> "alice";
    private static final EntityUid READ = EntityUid.of("Action", "Read");
    private static final EntityUid DOC = EntityUid.of("Doc", "1");

    private final PolicySet policies = PolicySet.parse("""
            permit(principal in Role::"admin", action, resource) when { principal.level > 3 };
            """);

    @Test
    void decideWhenMapperGivesRolesAndProviderGivesAttributesThenMerged() {
        CedarAuthorization auth = CedarAuthorization.builder().policies(policies)
                .principalMapper(CedarPrincipalMapper.byName("User", "Role", List.of("admin", "ops")))
                .entities(Entities.of(List.of(new Entity(EntityUid.of("User", "alice"), Map.of("level", new LongValue(5)), Set.of()))))
                .build();
        EnforcementDecision allowed = auth.decide("method", ALICE, "admin"::equals, READ, DOC, Map.of());
        assertThat(allowed.isGranted()).isTrue();
        assertThat(allowed.diagnostics().reason()).extracting(Object::toString).containsExactly("policy0");
        assertThat(auth.decide("method", ALICE, role -> false, READ, DOC, Map.of()).isGranted()).isFalse();
    }

    @Test
    void decideWhenNoPrincipalThenUnauthenticatedWithoutAskingCedar() {
        CedarAuthorization auth = CedarAuthorization.builder().policies(PolicySet.parse("permit(principal, action, resource);")).build();
        EnforcementDecision d = auth.decide("method", null, role -> false, READ, DOC, Map.of());
        assertThat(d.isGranted()).isFalse();
        assertThat(d.isAuthenticated()).isFalse();
        assertThat(d.failure()).hasValue("unauthenticated");
    }

    @Test
    void decideWhenEntityProviderThrowsThenDeniedWithCause() {
        CedarAuthorization auth = CedarAuthorization.builder().policies(policies)
                .principalMapper(CedarPrincipalMapper.byName("User", "Role", List.of("admin")))
                .entities(uid -> {
                    throw new IllegalStateException("store offline");
                }).build();
        EnforcementDecision d = auth.decide("method", ALICE, role -> true, READ, DOC, Map.of());
        assertThat(d.isGranted()).isFalse();
        assertThat(d.principal()).contains(EntityUid.of("User", "alice"));
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("store offline"));
        assertThat(d.toString()).contains("principal=User::\"alice\"", "action=Action::\"Read\"", "granted=false", "store offline");
    }

    @Test
    void buildWhenPoliciesDoNotValidateThenFails() {
        Schema schema = Schema.parseCedarSchema("entity User; entity Doc; action Read appliesTo { principal: User, resource: Doc };");
        assertThatThrownBy(() -> CedarAuthorization.builder().policies(PolicySet.parse(
                "permit(principal, action == Action::\"Read\", resource) when { resource.owner == principal };"))
                .schema(schema).build())
                .isInstanceOf(io.cedarwood.jakarta.CedarConfigurationException.class).hasMessageContaining("do not validate");
        assertThat(CedarAuthorization.builder().policies(PolicySet.parse("permit(principal, action == Action::\"Read\", resource);"))
                .schema(schema).build().policies().current().schema()).isPresent();
    }
}
