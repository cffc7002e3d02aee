package io.cedarwood.spring.security;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns Spring Security's {@link Authentication} into Cedar's principal. The entity returned is what the
 * authentication knows about the principal; when the application's entity provider also has an entity
 * with that uid, the two are merged (parents joined, the provider's attributes and tags first).
 */
@FunctionalInterface
public interface CedarPrincipalMapper {

    /**
     * The principal, or {@code null} when there is none: Cedar is then not asked and the request is denied,
     * which sends an unauthenticated user to Spring's authentication entry point (401 or a login page).
     */
    Entity principal(Authentication authentication);

    /**
     * The default: no principal unless authenticated (anonymous is not), otherwise
     * {@code <principalType>::"<name>"} with each granted authority as a parent
     * {@code <authorityType>::"<authority>"}, for example {@code User::"alice"} in {@code Role::"ROLE_ADMIN"}.
     */
    static CedarPrincipalMapper byName(String principalType, String authorityType) {
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(authorityType, "authorityType");
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        return authentication -> {
            if (authentication == null || !trust.isAuthenticated(authentication)) {
                return null;
            }
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (GrantedAuthority a : authentication.getAuthorities()) {
                if (a.getAuthority() != null) {
                    parents.add(EntityUid.of(authorityType, a.getAuthority()));
                }
            }
            return new Entity(EntityUid.of(principalType, authentication.getName()), Map.of(), parents);
        };
    }
}
