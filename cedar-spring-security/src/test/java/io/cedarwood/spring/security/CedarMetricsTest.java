package io.cedarwood.spring.security;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CedarMetricsTest {
    private static final Request REQUEST = new Request(EntityUid.of("User", "a"), EntityUid.of("Action", "v"),
            EntityUid.of("Doc", "d"));

    @Test
    void decisionsByTagsAndPolicyErrorsByPolicy() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CedarMetrics metrics = new CedarMetrics(() -> registry);
        Response deny = new Response(Decision.DENY, new Diagnostics(Set.of(),
                List.of(new AuthorizationError(PolicyId.of("p1"), EvaluationException.Kind.EXTENSION_ERROR, "boom", null))));
        metrics.onDecision(EnforcementDecision.of("method", REQUEST, deny, EnforcementMode.ENFORCING), 1_000);
        metrics.onDecision(EnforcementDecision.of("method", REQUEST, deny, EnforcementMode.PERMISSIVE), 1_000);
        metrics.onDecision(EnforcementDecision.failed("http", null, null, null, "unauthenticated"), 0);

        assertThat(registry.get("cedar.authorization.decisions").tags("source", "method", "decision", "deny", "granted", "false")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("cedar.authorization.decisions").tags("source", "method", "decision", "deny", "granted", "true")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("cedar.authorization").tags("source", "http", "decision", "failure").timer().count()).isEqualTo(1);
        assertThat(registry.get("cedar.policy.errors").tags("policy", "p1").counter().count()).isEqualTo(2);
    }

    @Test
    void withoutARegistryNothingHappens() {
        assertThatCode(() -> new CedarMetrics(() -> null).onDecision(EnforcementDecision.failed("http", null, null, null, "x"), 0))
                .doesNotThrowAnyException();
    }
}
