package io.cedarwood.spring.security.method;

import org.springframework.security.core.Authentication;

/** The root object of the resource expressions of {@link CedarAuthorize} and {@link CedarPostAuthorize}. */
public final class CedarExpressionRoot {
    private final Authentication authentication;
    private final Object target;

    CedarExpressionRoot(Authentication authentication, Object target) {
        this.authentication = authentication;
        this.target = target;
    }

    /** The current authentication: {@code authentication.name}. */
    public Authentication getAuthentication() {
        return authentication;
    }

    /** The object whose method is called. */
    public Object getTarget() {
        return target;
    }
}
