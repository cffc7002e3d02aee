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
import org.springframework.security.authorization.method.AuthorizationManagerAfterMethodInterceptor;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Method authorization by Cedar for {@link CedarPostAuthorize}: about the object the method returned.
 * {@link #interceptor()} gives the advisor to register (the auto-configuration does). A denied result goes
 * to the method's (or its class's) {@code @HandleAuthorizationDenied} handler, or else is thrown.
 *
 * <p>Runs on Spring Security 7 and 6.5: {@link #check} is the method 6.5 calls.
 */
public final class CedarPostMethodAuthorizationManager implements AuthorizationManager<MethodInvocationResult>,
        MethodAuthorizationDeniedHandler {
    private static final Log log = LogFactory.getLog(CedarPostMethodAuthorizationManager.class);

    private final CedarAuthorizationService service;
    private final DeniedHandlers deniedHandlers;
    private final MethodTargets<CedarPostAuthorize> targets;

    public CedarPostMethodAuthorizationManager(CedarAuthorizationService service, CedarResourceResolver resources,
            BeanFactory beans) {
        this.service = Objects.requireNonNull(service, "service");
        this.deniedHandlers = new DeniedHandlers(beans);
        this.targets = new MethodTargets<>(CedarPostAuthorize.class,
                a -> new MethodTargets.Members(a.action(), a.resourceType(), a.resource(), a.context()), service,
                Objects.requireNonNull(resources, "resources"), beans);
    }

    public CedarPostMethodAuthorizationManager(CedarAuthorizationService service) {
        this(service, CedarResourceResolver.uidsOnly(), null);
    }

    /** Methods and classes annotated with {@link CedarPostAuthorize}. */
    public static Pointcut pointcut() {
        return Pointcuts.union(new AnnotationMatchingPointcut(null, CedarPostAuthorize.class, true),
                new AnnotationMatchingPointcut(CedarPostAuthorize.class, true));
    }

    /** The advisor: runs this manager after {@link CedarPostAuthorize} methods, right after {@code @PostAuthorize}. */
    public AuthorizationManagerAfterMethodInterceptor interceptor() {
        AuthorizationManagerAfterMethodInterceptor interceptor =
                new AuthorizationManagerAfterMethodInterceptor(pointcut(), this);
        interceptor.setOrder(AuthorizationInterceptorsOrder.POST_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }

    @Override
    public CedarAuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
            MethodInvocationResult result) {
        Authentication current = null;
        MethodTargets.Target target;
        try {
            current = authentication.get();
            target = targets.target(result.getMethodInvocation(), current, result.getResult(), true);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("cedar: denied because the result of `" + MethodTargets.name(result.getMethodInvocation().getMethod())
                    + "` could not be mapped to an action and a resource", e);
            return service.fail(Source.METHOD, current, "the result could not be mapped to an action and a resource: " + e);
        }
        return service.authorize(Source.METHOD, current, target.action(), target.resource(),
                CedarAuthorizationService.currentRequest(), target.context());
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult denial) {
        return deniedHandlers.handler(invocation).handleDeniedInvocation(invocation, denial);
    }

    /** The {@code @HandleAuthorizationDenied} handler of the method, which gets the denial; else throws it. */
    @Override
    public Object handleDeniedInvocationResult(MethodInvocationResult result, AuthorizationResult denial) {
        return deniedHandlers.handler(result.getMethodInvocation()).handleDeniedInvocationResult(result, denial);
    }

    /** Spring Security 6.5's entry point; the same as {@link #authorize}. */
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object result) {
        return authorize(authentication, (MethodInvocationResult) result);
    }
}
