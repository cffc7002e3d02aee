package io.cedarwood.spring.security.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

import java.util.function.Supplier;

/** The application's authorization event publisher, found on each use; with the method Spring Security 6.5 requires too. */
final class LazyEventPublisher implements AuthorizationEventPublisher {
    private final ObjectProvider<AuthorizationEventPublisher> publisher;

    LazyEventPublisher(ObjectProvider<AuthorizationEventPublisher> publisher) {
        this.publisher = publisher;
    }

    @Override
    public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
            AuthorizationResult result) {
        AuthorizationEventPublisher p = publisher.getIfAvailable();
        if (p != null) {
            p.publishAuthorizationEvent(authentication, object, result);
        }
    }

    public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
            AuthorizationDecision decision) {
        publishAuthorizationEvent(authentication, object, (AuthorizationResult) decision);
    }
}
