package io.cedarwood.spring.security.web;

import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Web request authorization by Cedar, for {@code authorizeHttpRequests}:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a.anyRequest().access(cedar));                       // the route table
 * http.authorizeHttpRequests(a -> a
 *     .requestMatchers(GET, "/lists/{listId}").access(cedar.to("GetList", "List", "{listId}"))
 *     .anyRequest().denyAll());                                                       // per matcher
 * }</pre>
 *
 * Returns a {@link CedarAuthorizationDecision}. A denied unauthenticated user goes to the authentication
 * entry point (401, or the login page), a denied authenticated one gets 403. Fails closed: a request that
 * maps to no action, or whose decision throws, is denied.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {
    private static final Log log = LogFactory.getLog(CedarAuthorizationManager.class);

    private final CedarAuthorizationService service;
    private final CedarRequestResolver resolver;

    public CedarAuthorizationManager(CedarAuthorizationService service, CedarRequestResolver resolver) {
        this.service = Objects.requireNonNull(service, "service");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * A manager for one request matcher: always {@code action} on a resource of type {@code resourceType}
     * whose id is a template over the matcher's path variables ({@code "{listId}"}).
     */
    public CedarAuthorizationManager to(String action, String resourceType, String resourceId) {
        TargetTemplate target = new TargetTemplate(service.actionType(), action, resourceType, resourceId);
        return new CedarAuthorizationManager(service, context -> target.resolve(context.getVariables()));
    }

    @Override
    public CedarAuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Authentication current;
        CedarTarget target;
        try {
            current = authentication.get();
            target = resolver.resolve(context);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("cedar: denied because the request could not be mapped to an action", e);
            return service.fail(Source.HTTP, "the request could not be mapped to an action: " + e);
        }
        if (target == null) {
            return service.fail(Source.HTTP, "no route for `" + request.getMethod() + " " + request.getRequestURI() + "`");
        }
        return service.authorize(Source.HTTP, current, target.action(), target.resource(), request);
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object context) {
        RequestAuthorizationContext c = context instanceof HttpServletRequest request
                ? new RequestAuthorizationContext(request)
                : (RequestAuthorizationContext) context;
        return authorize(authentication, c);
    }
}
