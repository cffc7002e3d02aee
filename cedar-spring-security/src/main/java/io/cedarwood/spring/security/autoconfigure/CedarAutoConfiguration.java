package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.spring.security.CedarAuthorizationEventPublisher;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarContextContributor;
import io.cedarwood.spring.security.CedarContextFactory;
import io.cedarwood.spring.security.CedarDecisionListener;
import io.cedarwood.spring.security.CedarDecisionLogger;
import io.cedarwood.spring.security.CedarMetrics;
import io.cedarwood.spring.security.CedarPolicyLoadException;
import io.cedarwood.spring.security.CedarPolicyLoader;
import io.cedarwood.spring.security.CedarPolicyReloader;
import io.cedarwood.spring.security.CedarPolicyStore;
import io.cedarwood.spring.security.CedarPolicyValidator;
import io.cedarwood.spring.security.CedarPrincipalMapper;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRequestResolver;
import io.cedarwood.spring.security.web.CedarRoutes;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.util.function.SingletonSupplier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Cedar as Spring Security's authorization: the policies ({@code cedar.*} properties), the
 * {@link CedarAuthorizationService} and, in a servlet web application, a {@link CedarAuthorizationManager}
 * bean to use in {@code authorizeHttpRequests}; method security in {@link CedarMethodSecurityConfiguration}.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass({AuthorizationManager.class, Entities.class})
@EnableConfigurationProperties(CedarProperties.class)
@Import(CedarMethodSecurityConfiguration.class)
public class CedarAutoConfiguration {
    private static final Log log = LogFactory.getLog(CedarAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public CedarPolicyStore cedarPolicyStore(CedarProperties properties, ResourcePatternResolver resources,
            ObjectProvider<CedarPolicyValidator> validator) {
        CedarPolicyLoader loader = CedarPolicyLoader.builder()
                .resolver(resources)
                .policies(properties.getPolicies())
                .schema(properties.getSchema())
                .validate(properties.getValidate())
                .validator(validator.getIfAvailable(CedarPolicyValidator::strict))
                .build();
        return CedarPolicyStore.load(loader);
    }

    @Bean
    @ConditionalOnBooleanProperty("cedar.reload.enabled")
    public CedarPolicyReloader cedarPolicyReloader(CedarPolicyStore store, CedarProperties properties) {
        return new CedarPolicyReloader(store, properties.getReload().getInterval());
    }

    /** The entities of {@code cedar.entities}, or none. */
    @Bean
    @ConditionalOnMissingBean(EntityProvider.class)
    public Entities cedarEntities(CedarProperties properties, ResourcePatternResolver resources) {
        if (properties.getEntities() == null) {
            return Entities.EMPTY;
        }
        Resource r = resources.getResource(properties.getEntities());
        try {
            return Entities.of(CedarJson.readEntities(r.getContentAsString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CedarPolicyLoadException("cannot read the entities at `" + properties.getEntities() + "`: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CedarPolicyLoadException("invalid entities in `" + properties.getEntities() + "`: "
                    + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarPrincipalMapper cedarPrincipalMapper(CedarProperties properties) {
        return CedarPrincipalMapper.byName(properties.getPrincipal().getType(),
                properties.getPrincipal().getAuthorityType());
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarContextFactory cedarContextFactory(ObjectProvider<Clock> clock,
            ObjectProvider<CedarContextContributor> contributors) {
        return new CedarContextFactory(clock.getIfAvailable(Clock::systemUTC), contributors.orderedStream().toList());
    }

    @Bean
    public CedarDecisionLogger cedarDecisionLogger(CedarProperties properties) {
        return new CedarDecisionLogger(properties.getDecisionLogging());
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarAuthorizationService cedarAuthorizationService(CedarPolicyStore store, EntityProvider entities,
            CedarPrincipalMapper principals, CedarContextFactory contexts, CedarProperties properties,
            ObjectProvider<CedarDecisionListener> listeners) {
        CedarAuthorizationService.Builder b = CedarAuthorizationService.builder(store)
                .entities(entities)
                .principals(principals)
                .contexts(contexts)
                .mode(properties.getEnforcement())
                .actionType(properties.getActionType());
        listeners.orderedStream().forEach(b::listener);
        return b.build();
    }

    /** Spring Security publishes authorization events through this bean, for web requests and methods alike. */
    @Bean
    @ConditionalOnMissingBean(AuthorizationEventPublisher.class)
    public CedarAuthorizationEventPublisher cedarAuthorizationEventPublisher(ApplicationEventPublisher publisher,
            CedarProperties properties) {
        return new CedarAuthorizationEventPublisher(publisher, properties.getEvents().isGranted());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "cedar.metrics.enabled", matchIfMissing = true)
    static class MetricsConfiguration {
        @Bean
        CedarMetrics cedarMetrics(ObjectProvider<MeterRegistry> registry) {
            return new CedarMetrics(SingletonSupplier.of(registry::getIfAvailable));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.web.access.intercept.RequestAuthorizationContext")
    static class WebConfiguration {
        @Bean
        @ConditionalOnMissingBean
        CedarAuthorizationManager cedarAuthorizationManager(CedarAuthorizationService service,
                ObjectProvider<CedarRequestResolver> resolver, CedarProperties properties) {
            return new CedarAuthorizationManager(service, resolver.getIfAvailable(() -> routes(properties)));
        }

        private static CedarRoutes routes(CedarProperties properties) {
            CedarRoutes.Builder b = CedarRoutes.builder().actionType(properties.getActionType());
            for (CedarProperties.Route r : properties.getHttp().getRoutes()) {
                b.route(r.getMethod(), r.getPath(), r.getAction(), r.getResourceType(), r.getResourceId());
            }
            CedarRoutes routes = b.build();
            if (routes.isEmpty()) {
                log.warn("cedar: no routes (cedar.http.routes) and no CedarRequestResolver bean, so the "
                        + "CedarAuthorizationManager bean denies every request it is asked about");
            }
            return routes;
        }
    }
}
