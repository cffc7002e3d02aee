package io.cedarwood.spring.security.autoconfigure;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/** An authorization manager found on its first use; with the method Spring Security 6.5 calls too. */
final class LazyAuthorizationManager<T> implements AuthorizationManager<T> {

    @FunctionalInterface
    interface Delegate<T> {
        AuthorizationDecision authorize(Supplier<? extends Authentication> authentication, T object);
    }

    private final SingletonSupplier<Delegate<T>> delegate;

    LazyAuthorizationManager(Supplier<Delegate<T>> delegate) {
        this.delegate = SingletonSupplier.of(delegate);
    }

    @Override
    public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication, T object) {
        return delegate.obtain().authorize(authentication, object);
    }

    @SuppressWarnings("unchecked")
    public AuthorizationDecision check(Supplier<Authentication> authentication, Object object) {
        return authorize(authentication, (T) object);
    }
}
