package io.cedarwood.spring.security.actuate;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.spring.security.CedarPolicyReloader;
import io.cedarwood.spring.security.autoconfigure.CedarAutoConfiguration;
import io.cedarwood.spring.security.autoconfigure.CedarProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator on the class path: the {@code cedar} endpoint and the {@code cedar} health indicator, on
 * Spring Boot 4 ({@link CedarHealthIndicator}) and 3 ({@link Boot3HealthIndicator}). Each backs off when
 * the application defines its own; {@code management.health.cedar.enabled=false} turns the indicator off.
 */
@AutoConfiguration(after = CedarAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(PolicyStore.class)
public class CedarActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CedarEndpoint cedarEndpoint(PolicyStore store, CedarProperties properties,
            ObjectProvider<CedarPolicyReloader> reloader) {
        return new CedarEndpoint(store, properties.getEnforcement(), properties.getPolicies(), properties.getSchema(),
                reloader::getIfUnique);
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarHealth cedarHealth(PolicyStore store, ObjectProvider<CedarPolicyReloader> reloader) {
        return new CedarHealth(store, reloader::getIfUnique);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnBooleanProperty(name = "management.health.cedar.enabled", matchIfMissing = true)
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "cedarHealthIndicator")
        CedarHealthIndicator cedarHealthIndicator(CedarHealth health) {
            return new CedarHealthIndicator(health);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = Boot3HealthIndicator.INDICATOR)
    @ConditionalOnBooleanProperty(name = "management.health.cedar.enabled", matchIfMissing = true)
    static class Boot3Health {
        @Bean
        @ConditionalOnMissingBean(name = "cedarHealthIndicator")
        static Boot3HealthIndicator cedarHealthIndicator(ObjectProvider<CedarHealth> health) {
            return new Boot3HealthIndicator(health::getObject);
        }
    }
}
