package io.cedarwood.spring.security.web;

import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarPaths;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
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
 * maps to no action, whose path is ambiguous, or whose decision throws, is denied.
 *
 * <p>The decision is kept in the request attribute {@link #DECISION_ATTRIBUTE}. An {@code ERROR} dispatch
 * of a request Cedar already decided (the error page of a 400 or of a denial) is let through without a
 * second decision: it renders the status the first dispatch set.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {
    /** The request attribute holding the {@link CedarAuthorizationDecision} of the request. */
    public static final String DECISION_ATTRIBUTE = "io.cedarwood.spring.security.decision";

    private static final System.Logger LOG = System.getLogger(CedarAuthorizationManager.class.getName());

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
        var actionUid = service.action(action);
        UidTemplate resource = UidTemplate.of(resourceType, resourceId);
        return new CedarAuthorizationManager(service, context -> {
            for (String v : resource.variables()) {
                if (!context.getVariables().containsKey(v)) {
                    throw new IllegalStateException("the resource id needs the path variable `" + v
                            + "`, which the request matcher does not have");
                }
            }
            return new CedarTarget(actionUid, resource.resolve(context.getVariables()));
        });
    }

    @Override
    public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(DECISION_ATTRIBUTE) instanceof CedarAuthorizationDecision) {
            return new AuthorizationDecision(true);
        }
        Authentication current = null;
        CedarTarget target;
        try {
            current = authentication.get();
            target = resolver.resolve(context);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cedar: denied because the request could not be mapped to an action", e);
            return remember(request, service.fail(Source.HTTP, current,
                    "the request could not be mapped to an action: " + e));
        }
        if (target == null) {
            String path = CedarPaths.unambiguous(request).map(p -> "no route for `" + request.getMethod() + " " + p + "`")
                    .orElse("ambiguous path `" + request.getRequestURI() + "`");
            return remember(request, service.fail(Source.HTTP, current, path));
        }
        return remember(request, service.authorize(Source.HTTP, current, target.action(), target.resource(), request));
    }

    private static CedarAuthorizationDecision remember(HttpServletRequest request, CedarAuthorizationDecision decision) {
        request.setAttribute(DECISION_ATTRIBUTE, decision);
        return decision;
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object context) {
        RequestAuthorizationContext c = context instanceof HttpServletRequest request
                ? new RequestAuthorizationContext(request)
                : (RequestAuthorizationContext) context;
        return authorize(authentication, c);
    }
}
