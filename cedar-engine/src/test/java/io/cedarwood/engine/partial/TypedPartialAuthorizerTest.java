package io.cedarwood.engine.partial;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedPartialAuthorizerTest {
    private static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Team;
            entity User in [Team] { level: Long };
            entity List { owner: User, readers: Team, public: Bool };
            action "view", "edit" appliesTo { principal: [User], resource: [List] };
            """);
    private static final EntityUid KESHA = EntityUid.of("User", "kesha");
    private static final EntityUid VIEW = EntityUid.of("Action", "view");

    private final TypedPartialAuthorizer tpe = new TypedPartialAuthorizer(SCHEMA);

    @Test
    void queryResourceGivesTheConditionOnTheResource() {
        PolicySet policies = PolicySet.parse("""
                permit(principal, action == Action::"view", resource is List) when { resource.owner == principal };
                permit(principal, action, resource) when { principal in resource.readers };
                permit(principal, action == Action::"edit", resource);
                forbid(principal, action, resource) when { resource == List::"secret" && false };
                forbid(principal, action, resource) when { resource.public && false };
                """);
        PartialResponse response = tpe.queryResource(KESHA, VIEW, EntityType.of("List"), RecordValue.EMPTY, policies,
                PartialEntityProvider.of(Entities.EMPTY));
        assertThat(response.decision()).isEmpty();
        assertThat(response.residuals()).extracting(r -> r.condition().toCedar()).containsExactly(
                "resource.owner == User::\"kesha\"", "User::\"kesha\" in resource.readers",
                "resource.public && false");
        // `resource is List` is decided by the type, the edit policy by the action, and
        // `resource == List::"secret" && false` is false as its left cannot error; `resource.public` can
        // (the list may not exist), so that one stays, as in the reference
        assertThat(response.falsified()).extracting(id -> id.value()).containsExactly("policy2", "policy3");
    }

    @Test
    void queryPrincipalAndQueryAction() {
        PolicySet policies = PolicySet.parse("""
                permit(principal, action == Action::"view", resource) when { principal.level > 2 };
                """);
        PartialResponse byPrincipal = tpe.queryPrincipal(EntityType.of("User"), VIEW, EntityUid.of("List", "l"),
                RecordValue.EMPTY, policies, PartialEntityProvider.of(Entities.EMPTY));
        assertThat(byPrincipal.residuals()).extracting(r -> r.condition().toCedar())
                .containsExactly("principal.level > 2");
        Map<EntityUid, PartialResponse> byAction = tpe.queryAction(KESHA, EntityUid.of("List", "l"), RecordValue.EMPTY,
                policies, PartialEntityProvider.of(Entities.EMPTY, java.util.Set.of(KESHA), Map.of()));
        assertThat(byAction).containsOnlyKeys(VIEW, EntityUid.of("Action", "edit"));
        assertThat(byAction.get(EntityUid.of("Action", "edit")).decision()).contains(Decision.DENY);
        assertThat(byAction.get(VIEW).decision()).isEmpty();
    }

    @Test
    void refusesWhatItCannotType() {
        PolicySet invalid = PolicySet.parse("permit(principal, action, resource) when { resource.nope };");
        assertThatThrownBy(() -> tpe.queryResource(KESHA, VIEW, EntityType.of("List"), RecordValue.EMPTY, invalid,
                PartialEntityProvider.of(Entities.EMPTY))).isInstanceOf(CedarException.class).hasMessageContaining("policy0");
        PolicySet valid = PolicySet.parse("permit(principal, action, resource);");
        assertThatThrownBy(() -> tpe.queryResource(KESHA, VIEW, EntityType.of("Team"), RecordValue.EMPTY, valid,
                PartialEntityProvider.of(Entities.EMPTY))).isInstanceOf(CedarException.class)
                .hasMessageContaining("does not apply");
        assertThatThrownBy(() -> tpe.isAuthorized(PartialRequest.builder().action(VIEW).build(), valid,
                PartialEntityProvider.of(Entities.EMPTY))).hasMessageContaining("principal's entity type");
    }
}
