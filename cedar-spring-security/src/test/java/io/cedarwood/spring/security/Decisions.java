package io.cedarwood.spring.security;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * Asks a manager as Spring Security does. Compiled against Spring Security 6.5 too, where a call of
 * {@code authorize} on a Cedar manager resolves to the interface's method, typed {@code AuthorizationResult}.
 */
public final class Decisions {
    private Decisions() {
    }

    public static <T> CedarAuthorizationDecision decide(AuthorizationManager<T> manager, Authentication authentication,
            T object) {
        AuthorizationResult result = manager.authorize(() -> authentication, object);
        return (CedarAuthorizationDecision) result;
    }
}
