package io.cedarwood.spring.security;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import org.junit.jupiter.api.Test;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CedarAuthorizationEventPublisherTest {
    private static final Request REQUEST = new Request(EntityUid.of("User", "a"), EntityUid.of("Action", "v"),
            EntityUid.of("Doc", "d"));
    private static final CedarAuthorizationDecision ALLOWED = new CedarAuthorizationDecision(Source.HTTP,
            EnforcementDecision.of("http", REQUEST, new Response(Decision.ALLOW, new Diagnostics(Set.of(), List.of())),
                    EnforcementMode.ENFORCING));
    private static final CedarAuthorizationDecision DENIED = new CedarAuthorizationDecision(Source.HTTP,
            EnforcementDecision.failed("http", REQUEST.principal(), null, null, "no route"));

    private final List<Object> events = new ArrayList<>();

    private void publish(CedarAuthorizationEventPublisher p, AuthorizationResult result) {
        p.publishAuthorizationEvent(() -> null, "object", result);
    }

    @Test
    void deniedAlwaysGrantedOnlyWhenAskedAndOnlyCedars() {
        CedarAuthorizationEventPublisher quiet = new CedarAuthorizationEventPublisher(events::add, false);
        publish(quiet, DENIED);
        publish(quiet, ALLOWED);
        publish(quiet, new AuthorizationDecision(false));
        assertThat(events).hasSize(2).allMatch(e -> e instanceof AuthorizationDeniedEvent);
        assertThat(((AuthorizationDeniedEvent<?>) events.get(0)).getAuthorizationResult()).isSameAs(DENIED);

        events.clear();
        CedarAuthorizationEventPublisher chatty = new CedarAuthorizationEventPublisher(events::add, true);
        publish(chatty, ALLOWED);
        publish(chatty, new AuthorizationDecision(true));
        assertThat(events).singleElement().isInstanceOf(AuthorizationGrantedEvent.class);
    }
}
