package io.cedarwood.spring.security;

import io.cedarwood.enforcement.PrincipalMapper;
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
 * Turns Spring Security's {@link Authentication} into Cedar's principal (the core's
 * {@link PrincipalMapper} contract: {@code null} means unauthenticated, and the entity is merged with the
 * application's entity of the same uid).
 */
@FunctionalInterface
public interface CedarPrincipalMapper extends PrincipalMapper<Authentication> {

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
