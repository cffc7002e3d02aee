package io.cedarwood.spring.security.reactive;

import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;
import io.cedarwood.spring.security.web.CedarTarget;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * WebFlux request authorization by Cedar, for {@code authorizeExchange}: the reactive counterpart of
 * {@link CedarAuthorizationManager}, on the same route table and properties.
 *
 * <pre>{@code
 * http.authorizeExchange(e -> e.anyExchange().access(cedar));                          // the route table
 * http.authorizeExchange(e -> e
 *     .pathMatchers(GET, "/lists/{listId}").access(cedar.to("GetList", "List", "{listId}"))
 *     .anyExchange().denyAll());                                                       // per matcher
 * }</pre>
 *
 * The decision (the request's mapping, the entity provider's lookups, Cedar) runs on a scheduler for
 * blocking work, {@link Schedulers#boundedElastic()} unless given another, never on the event loop; the
 * exchange goes on from there. Emits a {@link CedarAuthorizationDecision}, also kept in the exchange
 * attribute {@link CedarAuthorizationManager#DECISION_ATTRIBUTE}. A denied unauthenticated user goes to
 * the authentication entry point (401), a denied authenticated one gets 403. Fails closed: a request that
 * maps to no action, whose path is ambiguous, whose remote address is unknown, or whose decision throws, is
 * denied.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarReactiveAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {
    private static final System.Logger LOG = System.getLogger(CedarReactiveAuthorizationManager.class.getName());

    private final CedarAuthorizationService service;
    private final CedarExchangeResolver resolver;
    private final Scheduler scheduler;

    /**
     * @param scheduler where decisions run: one for blocking work, as the entity provider may block
     */
    public CedarReactiveAuthorizationManager(CedarAuthorizationService service, CedarExchangeResolver resolver,
            Scheduler scheduler) {
        this.service = Objects.requireNonNull(service, "service");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Decides on {@link Schedulers#boundedElastic()}. */
    public CedarReactiveAuthorizationManager(CedarAuthorizationService service, CedarExchangeResolver resolver) {
        this(service, resolver, Schedulers.boundedElastic());
    }

    /** The route table of {@code routes}; decides on {@link Schedulers#boundedElastic()}. */
    public CedarReactiveAuthorizationManager(CedarAuthorizationService service, CedarRoutes routes) {
        this(service, CedarExchangeResolver.of(routes));
    }

    /**
     * A manager for one path matcher: always {@code action} on a resource of type {@code resourceType}
     * whose id is a template over the matcher's path variables ({@code "{listId}"}).
     */
    public CedarReactiveAuthorizationManager to(String action, String resourceType, String resourceId) {
        var actionUid = service.action(action);
        UidTemplate resource = UidTemplate.of(resourceType, resourceId);
        return new CedarReactiveAuthorizationManager(service, context -> {
            for (String v : resource.variables()) {
                if (!(context.getVariables().get(v) instanceof String)) {
                    throw new IllegalStateException("the resource id needs the path variable `" + v
                            + "`, which the path matcher does not have");
                }
            }
            Map<String, String> values = new HashMap<>();
            context.getVariables().forEach((k, v) -> values.put(k, String.valueOf(v)));
            return new CedarTarget(actionUid, resource.resolve(values));
        }, scheduler);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return decide(authentication, context).cast(AuthorizationResult.class);
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, Object context) {
        return decide(authentication, (AuthorizationContext) context).cast(AuthorizationDecision.class);
    }

    private Mono<CedarAuthorizationDecision> decide(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.map(Optional::of).defaultIfEmpty(Optional.empty())
                .publishOn(scheduler)
                .map(current -> remember(context, decide(current.orElse(null), context)));
    }

    private CedarAuthorizationDecision decide(Authentication current, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        String method = request.getMethod().name();
        CedarTarget target;
        try {
            target = resolver.resolve(context);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cedar: denied because the request could not be mapped to an action", e);
            return service.fail(Source.HTTP, current, "the request could not be mapped to an action: " + e);
        }
        Optional<String> path = ExchangePaths.unambiguous(request);
        if (target == null || path.isEmpty()) {
            return service.fail(Source.HTTP, current, path.map(p -> "no route for `" + method + " " + p + "`")
                    .orElse("ambiguous path `" + request.getURI().getRawPath() + "`"));
        }
        return service.authorize(Source.HTTP, current, target.action(), target.resource(),
                ExchangePaths.remoteAddr(request), method, path.get(), ExchangePaths.secure(request));
    }

    private static CedarAuthorizationDecision remember(AuthorizationContext context, CedarAuthorizationDecision decision) {
        context.getExchange().getAttributes().put(CedarAuthorizationManager.DECISION_ATTRIBUTE, decision);
        return decision;
    }
}
