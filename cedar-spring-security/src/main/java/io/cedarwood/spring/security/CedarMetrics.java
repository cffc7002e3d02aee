package io.cedarwood.spring.security;

import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.engine.authz.AuthorizationError;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Micrometer meters for decisions, a core {@link DecisionListener}:
 * <ul>
 *   <li>{@code cedar.authorization} (timer) and {@code cedar.authorization.decisions} (counter), tagged
 *       {@code source} ({@code http}, {@code method}, {@code permission}), {@code decision} (Cedar's:
 *       {@code allow}, {@code deny}, or {@code failure} when Cedar was not asked) and {@code granted}
 *       ({@code true}/{@code false}: what was enforced);</li>
 *   <li>{@code cedar.policy.errors} (counter), tagged {@code policy}: policies that failed to evaluate.</li>
 * </ul>
 */
public final class CedarMetrics implements DecisionListener {
    private final Supplier<MeterRegistry> registry;

    /** {@code registry}: looked up at the first decision, so that it may be created after this. */
    public CedarMetrics(Supplier<MeterRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onDecision(EnforcementDecision decision, long nanos) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return;
        }
        String source = decision.source();
        String cedar = decision.response().isPresent() ? decision.cedarDecision().name().toLowerCase(Locale.ROOT) : "failure";
        String granted = Boolean.toString(decision.isGranted());
        Timer.builder("cedar.authorization").description("Cedar authorization decisions")
                .tags("source", source, "decision", cedar, "granted", granted)
                .register(r).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("cedar.authorization.decisions").description("Cedar authorization decisions")
                .tags("source", source, "decision", cedar, "granted", granted)
                .register(r).increment();
        for (AuthorizationError e : decision.diagnostics().errors()) {
            Counter.builder("cedar.policy.errors").description("Policies that failed to evaluate")
                    .tag("policy", e.policyId().value())
                    .register(r).increment();
        }
    }
}
