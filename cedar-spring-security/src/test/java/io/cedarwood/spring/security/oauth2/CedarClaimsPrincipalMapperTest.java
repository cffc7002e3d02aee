package io.cedarwood.spring.security.oauth2;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.spring.security.CedarPrincipalMapper;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarClaimsPrincipalMapperTest {
    private final CedarClaimsPrincipalMapper mapper = new CedarClaimsPrincipalMapper(
            CedarPrincipalMapper.byName("User", "Role"),
            Map.of("department", "dept", "level", "level", "admin", "admin", "emails", "emails", "address", "address",
                    "realmRoles", "realm_access.roles", "issuedAt", "iat"),
            Map.of("Group", "groups", "Org::Realm", "realm_access.roles", "Tenant", "tenant"));

    private static JwtAuthenticationToken token(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice");
        claims.forEach(b::claim);
        return new JwtAuthenticationToken(b.build(), AuthorityUtils.createAuthorityList("SCOPE_docs"));
    }

    @Test
    void claimsBecomeAttributesAndParents() {
        Instant iat = Instant.parse("2026-01-02T03:04:05Z");
        Entity e = mapper.principal(token(Map.of("dept", "R&D", "level", 3, "admin", false,
                "emails", List.of("a@x", "b@x"), "address", Map.of("city", "Lyon"),
                "realm_access", Map.of("roles", List.of("auditor")), "groups", List.of("eng", "ops"),
                "tenant", "acme", "iat", iat)));
        assertThat(e.uid()).isEqualTo(EntityUid.of("User", "alice"));
        assertThat(e.attributes()).containsEntry("department", StringValue.of("R&D"))
                .containsEntry("level", LongValue.of(3))
                .containsEntry("admin", BoolValue.of(false))
                .containsEntry("emails", SetValue.of(StringValue.of("a@x"), StringValue.of("b@x")))
                .containsEntry("address", RecordValue.of(Map.of("city", StringValue.of("Lyon"))))
                .containsEntry("realmRoles", SetValue.of(StringValue.of("auditor")))
                .containsEntry("issuedAt", StringValue.of(iat.toString()));
        assertThat(e.parents()).containsExactlyInAnyOrder(EntityUid.of("Role", "SCOPE_docs"),
                EntityUid.of("Group", "eng"), EntityUid.of("Group", "ops"),
                new EntityUid(io.cedarwood.enforcement.CedarNames.type("Org::Realm"), "auditor"),
                EntityUid.of("Tenant", "acme"));
    }

    @Test
    void missingClaimsLeaveAttributesAndParentsOut() {
        Entity e = mapper.principal(token(Map.of("other", "x")));
        assertThat(e.attributes()).isEmpty();
        assertThat(e.parents()).containsExactly(EntityUid.of("Role", "SCOPE_docs"));
    }

    @Test
    void otherAuthenticationsGetTheBasePrincipal() {
        Entity e = mapper.principal(UsernamePasswordAuthenticationToken.authenticated("bob", "n/a",
                AuthorityUtils.createAuthorityList("ROLE_USER")));
        assertThat(e).isEqualTo(new Entity(EntityUid.of("User", "bob"), Map.of(), java.util.Set.of(EntityUid.of("Role", "ROLE_USER"))));
        assertThat(mapper.principal(null)).isNull();
    }

    @Test
    void aParentTypeMustBeAnEntityTypeName() {
        assertThatThrownBy(() -> new CedarClaimsPrincipalMapper(CedarPrincipalMapper.byName("User", "Role"),
                Map.of(), Map.of("not a type", "groups"))).isInstanceOf(RuntimeException.class);
    }
}
