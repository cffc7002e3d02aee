package io.cedarwood.spring.security.reactive;

import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link CedarAuthorize} on methods returning a {@code Mono} or a {@code Flux} (any {@code Publisher}): the
 * decision is made when the result is subscribed to, with the authentication of the subscriber's Reactor
 * context ({@code ReactiveSecurityContextHolder}), before the method runs. A denial is an
 * {@code AuthorizationDeniedException} signalled in the stream (the call itself returns normally); the
 * method is not called. The decision is {@link CedarMethodAuthorizationManager}'s (the same annotation
 * members, resource resolution and failing closed), made on a scheduler for blocking work,
 * {@link Schedulers#boundedElastic()} unless given another, never on the event loop.
 *
 * <p>The context has the standard keys of a call outside a web request ({@code time}) and the
 * contributors' entries. {@link #interceptor()} gives the advisor to register (the auto-configuration
 * does in a reactive web application); Spring Security's reactive interceptor refuses methods that do not
 * return a {@code Publisher}.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarReactiveMethodAuthorizationManager implements ReactiveAuthorizationManager<MethodInvocation> {
    private final CedarMethodAuthorizationManager methods;
    private final Scheduler scheduler;

    /**
     * @param methods the blocking manager that decides
     * @param scheduler where decisions run: one for blocking work, as the entity provider may block
     */
    public CedarReactiveMethodAuthorizationManager(CedarMethodAuthorizationManager methods, Scheduler scheduler) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Decides on {@link Schedulers#boundedElastic()}. */
    public CedarReactiveMethodAuthorizationManager(CedarMethodAuthorizationManager methods) {
        this(methods, Schedulers.boundedElastic());
    }

    /** The advisor: runs this manager before {@link CedarAuthorize} methods, right after {@code @PreAuthorize}. */
    public AuthorizationManagerBeforeReactiveMethodInterceptor interceptor() {
        return interceptor(this);
    }

    /** The advisor for {@code manager}, with the pointcut and order of {@link #interceptor()}. */
    public static AuthorizationManagerBeforeReactiveMethodInterceptor interceptor(
            ReactiveAuthorizationManager<MethodInvocation> manager) {
        AuthorizationManagerBeforeReactiveMethodInterceptor interceptor =
                new AuthorizationManagerBeforeReactiveMethodInterceptor(CedarMethodAuthorizationManager.pointcut(), manager);
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, MethodInvocation invocation) {
        return decide(authentication, invocation).cast(AuthorizationResult.class);
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, Object invocation) {
        return decide(authentication, (MethodInvocation) invocation).cast(AuthorizationDecision.class);
    }

    private Mono<CedarAuthorizationDecision> decide(Mono<Authentication> authentication, MethodInvocation invocation) {
        return authentication.map(Optional::of).defaultIfEmpty(Optional.empty())
                .publishOn(scheduler)
                .map(current -> methods.authorize(() -> current.orElse(null), invocation));
    }
}
