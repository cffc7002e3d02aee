package io.cedarwood.spring.security.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Objects;

/**
 * {@link CedarHealth} as Spring Boot 4's health indicator ({@code org.springframework.boot.health}); on
 * Boot 3 the auto-configuration registers {@link Boot3HealthIndicator} instead. Named {@code cedar}.
 */
public final class CedarHealthIndicator implements HealthIndicator {
    private final CedarHealth health;

    public CedarHealthIndicator(CedarHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public Health health() {
        CedarHealth.Status s = health.status();
        return (s.up() ? Health.up() : Health.down()).withDetails(s.details()).build();
    }
}
