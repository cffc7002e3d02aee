package io.cedarwood.spring.security.web;

import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Maps a web request to the Cedar action and resource it asks for. {@link CedarRoutes} is a route table. */
@FunctionalInterface
public interface CedarRequestResolver {

    /** The action and resource, or {@code null} when the request maps to none: it is then denied. */
    CedarTarget resolve(RequestAuthorizationContext context);
}
