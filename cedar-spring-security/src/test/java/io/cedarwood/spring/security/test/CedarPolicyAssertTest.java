package io.cedarwood.spring.security.test;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.cedarwood.spring.security.test.CedarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarPolicyAssertTest {
    private final PolicySet policies = PolicySet.parse("""
            permit(principal in Team::"readers", action in Action::"read", resource);
            forbid(principal, action, resource) unless { context.place == "office" };
            """);
    private final Schema schema = Schema.parseCedarSchema("""
            entity Team; entity User in [Team]; entity Doc;
            action read; action view in [read] appliesTo { principal: User, resource: Doc, context: { place: String } };
            """);
    private final Entity bob = new Entity(EntityUid.of("User", "bob"), Map.of(), Set.of(EntityUid.of("Team", "readers")));

    @Test
    void allowsAndDeniesWithTheSchemasActionGroups() {
        assertThat(PolicyBundle.of(policies, schema))
                .withEntities(bob)
                .withContext(Map.of("place", StringValue.of("office")))
                .allows("User::\"bob\"", "view", "Doc::\"d\"").because("policy0").withoutErrors()
                .denies("User::\"eve\"", "view", "Doc::\"d\"").because()
                .withContext(Map.of("place", StringValue.of("home")))
                .denies("User::\"bob\"", "view", "Doc::\"d\"").because("policy1");
    }

    @Test
    void failuresSayWhy() {
        assertThatThrownBy(() -> assertThat(policies).withEntities(bob)
                .withContext(Map.of("place", StringValue.of("home")))
                .allows("User::\"bob\"", "read", "Doc::\"d\""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected principal User::\"bob\", action Action::\"read\", resource Doc::\"d\" to be allowed")
                .hasMessageContaining("determined by [policy1]");
        assertThatThrownBy(() -> assertThat(policies).denies("User::\"bob\"", "read", "Doc::\"d\"").withoutErrors())
                .hasMessageContaining("expected no policy to fail");
    }
}
