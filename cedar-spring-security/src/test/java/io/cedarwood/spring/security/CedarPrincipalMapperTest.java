package io.cedarwood.spring.security;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class CedarPrincipalMapperTest {
    private final CedarPrincipalMapper mapper = CedarPrincipalMapper.byName("App::User", "App::Role");

    @Test
    void authenticatedUserIsNamedAndInTheirAuthorities() {
        Entity e = mapper.principal(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "SCOPE_read")));
        assertThat(e.uid()).isEqualTo(EntityUid.of("App::User", "alice"));
        assertThat(e.parents()).containsExactly(EntityUid.of("App::Role", "ROLE_ADMIN"), EntityUid.of("App::Role", "SCOPE_read"));
    }

    @Test
    void anonymousAndUnauthenticatedHaveNoPrincipal() {
        assertThat(mapper.principal(null)).isNull();
        assertThat(mapper.principal(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isNull();
        assertThat(mapper.principal(UsernamePasswordAuthenticationToken.unauthenticated("alice", "pw"))).isNull();
    }
}
