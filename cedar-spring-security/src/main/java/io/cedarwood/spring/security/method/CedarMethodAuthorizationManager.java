package io.cedarwood.spring.security.method;

import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Method authorization by Cedar for {@link CedarAuthorize}. {@link #interceptor()} gives the advisor to
 * register (the auto-configuration does). Fails closed: a method whose resource cannot be worked out is
 * not called. A denied call goes to the method's (or its class's) {@code @HandleAuthorizationDenied}
 * handler, which gets the {@link CedarAuthorizationDecision} as the result, or else throws.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarMethodAuthorizationManager implements AuthorizationManager<MethodInvocation>,
        MethodAuthorizationDeniedHandler {
    private static final Log log = LogFactory.getLog(CedarMethodAuthorizationManager.class);

    private final CedarAuthorizationService service;
    private final DeniedHandlers deniedHandlers;
    private final MethodTargets<CedarAuthorize> targets;

    public CedarMethodAuthorizationManager(CedarAuthorizationService service, CedarResourceResolver resources,
            BeanFactory beans) {
        this.service = Objects.requireNonNull(service, "service");
        this.deniedHandlers = new DeniedHandlers(beans);
        this.targets = new MethodTargets<>(CedarAuthorize.class,
                a -> new MethodTargets.Members(a.action(), a.resourceType(), a.resource(), a.context()), service,
                Objects.requireNonNull(resources, "resources"), beans);
    }

    public CedarMethodAuthorizationManager(CedarAuthorizationService service) {
        this(service, CedarResourceResolver.uidsOnly(), null);
    }

    /** Methods and classes annotated with {@link CedarAuthorize}. */
    public static Pointcut pointcut() {
        return Pointcuts.union(new AnnotationMatchingPointcut(null, CedarAuthorize.class, true),
                new AnnotationMatchingPointcut(CedarAuthorize.class, true));
    }

    /** The advisor: runs this manager before {@link CedarAuthorize} methods, right after {@code @PreAuthorize}. */
    public AuthorizationManagerBeforeMethodInterceptor interceptor() {
        AuthorizationManagerBeforeMethodInterceptor interceptor =
                new AuthorizationManagerBeforeMethodInterceptor(pointcut(), this);
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }

    @Override
    public CedarAuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
            MethodInvocation invocation) {
        Authentication current = null;
        MethodTargets.Target target;
        try {
            current = authentication.get();
            target = targets.target(invocation, current, null, false);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("cedar: denied because the call to `" + MethodTargets.name(invocation.getMethod())
                    + "` could not be mapped to an action and a resource", e);
            return service.fail(Source.METHOD, current, "the call could not be mapped to an action and a resource: " + e);
        }
        return service.authorize(Source.METHOD, current, target.action(), target.resource(),
                CedarAuthorizationService.currentRequest(), target.context());
    }

    /** The {@code @HandleAuthorizationDenied} handler of the method, which gets the denial; else throws it. */
    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult denial) {
        return deniedHandlers.handler(invocation).handleDeniedInvocation(invocation, denial);
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object invocation) {
        return authorize(authentication, (MethodInvocation) invocation);
    }
}
