package io.cedarwood.spring.security.autoconfigure;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** A reactive authorization manager found on its first use; with the method Spring Security 6.5 calls too. */
final class LazyReactiveAuthorizationManager<T> implements ReactiveAuthorizationManager<T> {

    @FunctionalInterface
    interface Delegate<T> {
        Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, T object);
    }

    private final SingletonSupplier<Delegate<T>> delegate;

    LazyReactiveAuthorizationManager(Supplier<Delegate<T>> delegate) {
        this.delegate = SingletonSupplier.of(delegate);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, T object) {
        return delegate.obtain().authorize(authentication, object);
    }

    @SuppressWarnings("unchecked")
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, Object object) {
        return authorize(authentication, (T) object).cast(AuthorizationDecision.class);
    }
}
