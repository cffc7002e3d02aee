package io.cedarwood.spring.security.autoconfigure;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.Authentication;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/**
 * A Cedar method authorization manager found on its first use, with the method Spring Security 6.5 calls
 * too; denials go to the manager's {@code @HandleAuthorizationDenied} handling.
 */
final class LazyAuthorizationManager<T, M extends AuthorizationManager<T> & MethodAuthorizationDeniedHandler>
        implements AuthorizationManager<T>, MethodAuthorizationDeniedHandler {

    private final SingletonSupplier<M> delegate;

    LazyAuthorizationManager(Supplier<M> delegate) {
        this.delegate = SingletonSupplier.of(delegate);
    }

    /** The Cedar managers' decisions are {@code CedarAuthorizationDecision}s, which are {@link AuthorizationDecision}s. */
    @Override
    public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication, T object) {
        return (AuthorizationDecision) delegate.obtain().authorize(authentication, object);
    }

    @SuppressWarnings("unchecked")
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object object) {
        return authorize(authentication, (T) object);
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult denial) {
        return delegate.obtain().handleDeniedInvocation(invocation, denial);
    }

    @Override
    public Object handleDeniedInvocationResult(MethodInvocationResult result, AuthorizationResult denial) {
        return delegate.obtain().handleDeniedInvocationResult(result, denial);
    }
}
