package io.cedarwood.spring.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publishes authorization decisions as Spring application events, as Spring Security's own publisher
 * does: every denial as an {@link AuthorizationDeniedEvent}, whose result is a
 * {@link CedarAuthorizationDecision} (with Cedar's diagnostics) when Cedar decided; and, when asked to,
 * Cedar's grants as {@link AuthorizationGrantedEvent}s. Spring Security uses the
 * {@code AuthorizationEventPublisher} bean for web requests and method security alike.
 *
 * <p>Runs on Spring Security 7 and 6.5: the overload taking an {@code AuthorizationDecision} is the method
 * 6.5 requires.
 */
public final class CedarAuthorizationEventPublisher implements AuthorizationEventPublisher {
    private final ApplicationEventPublisher publisher;
    private final boolean publishGranted;

    /** {@code publishGranted}: whether Cedar's grants are published too. */
    public CedarAuthorizationEventPublisher(ApplicationEventPublisher publisher, boolean publishGranted) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.publishGranted = publishGranted;
    }

    @Override
    public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
            AuthorizationResult result) {
        if (result == null) {
            return;
        }
        if (!result.isGranted()) {
            publisher.publishEvent(new AuthorizationDeniedEvent<>(authentication, object, result));
        } else if (publishGranted && result instanceof CedarAuthorizationDecision) {
            publisher.publishEvent(new AuthorizationGrantedEvent<>(authentication, object, result));
        }
    }

    /** Spring Security 6.5's entry point; the same as the other. */
    public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
            AuthorizationDecision decision) {
        publishAuthorizationEvent(authentication, object, (AuthorizationResult) decision);
    }
}
