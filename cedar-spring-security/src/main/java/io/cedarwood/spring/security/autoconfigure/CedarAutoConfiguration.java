package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.Enforcer;
import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.PolicyValidator;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.SchemaCheck;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.spring.security.CedarAuthorizationEventPublisher;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarContextContributor;
import io.cedarwood.spring.security.CedarContextFactory;
import io.cedarwood.spring.security.CedarDecisionObserver;
import io.cedarwood.spring.security.CedarMetrics;
import io.cedarwood.spring.security.CedarPolicyReloader;
import io.cedarwood.spring.security.CedarPrincipalMapper;
import io.cedarwood.spring.security.CedarResourceLocations;
import io.cedarwood.spring.security.oauth2.CedarClaimsPrincipalMapper;
import io.cedarwood.spring.security.observation.CedarObservation;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRequestResolver;
import io.cedarwood.spring.security.web.CedarRoutes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
    private static final String OAUTH2_TOKEN =
            "org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken";

    @Bean
    @ConditionalOnMissingBean
    public PolicyLoader cedarPolicyLoader(CedarProperties properties, ResourcePatternResolver resources,
            ObjectProvider<PolicyValidator> validator) {
        return PolicyLoader.of(new CedarResourceLocations(resources, properties.getPolicies(), properties.getSchema()),
                validator.getIfAvailable(PolicyValidator::strict), properties.getValidate());
    }

    @Bean
    @ConditionalOnMissingBean
    public PolicyStore cedarPolicyStore(PolicyLoader loader, CedarProperties properties, ObjectProvider<Clock> clock) {
        return PolicyStore.load(loader, properties.getReload().isAllowDroppingAll(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty("cedar.reload.enabled")
    public CedarPolicyReloader cedarPolicyReloader(PolicyStore store, PolicyLoader loader, CedarProperties properties) {
        return new CedarPolicyReloader(store, loader, properties.getReload().getInterval());
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
            throw new PolicyLoadException("cannot read the entities at `" + properties.getEntities() + "`: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PolicyLoadException("invalid entities in `" + properties.getEntities() + "`: "
                    + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarPrincipalMapper cedarPrincipalMapper(CedarProperties properties, ResourceLoader resources) {
        CedarPrincipalMapper byName = CedarPrincipalMapper.byName(properties.getPrincipal().getType(),
                properties.getPrincipal().getAuthorityType());
        CedarProperties.Claims claims = properties.getPrincipal().getClaims();
        if (claims.isEmpty()) {
            return byName;
        }
        if (!ClassUtils.isPresent(OAUTH2_TOKEN, resources.getClassLoader())) {
            throw new CedarConfigurationException("cedar.principal.claims maps the claims of OAuth2 tokens, but "
                    + "spring-security-oauth2-resource-server is not on the class path");
        }
        try {
            return new CedarClaimsPrincipalMapper(byName, claims.getAttributes(), claims.getParents());
        } catch (RuntimeException e) {
            throw new CedarConfigurationException("cedar.principal.claims.parents: " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarContextFactory cedarContextFactory(ObjectProvider<Clock> clock,
            ObjectProvider<CedarContextContributor> contributors) {
        return new CedarContextFactory(clock.getIfAvailable(Clock::systemUTC), contributors.orderedStream().toList());
    }

    @Bean
    public DecisionLog cedarDecisionLog(CedarProperties properties) {
        return new DecisionLog("io.cedarwood.spring.security.decisions", properties.getDecisionLogging());
    }

    @Bean
    @ConditionalOnMissingBean
    public Enforcer cedarEnforcer(PolicyStore store, EntityProvider entities, CedarProperties properties,
            ObjectProvider<DecisionListener> listeners) {
        Enforcer.Builder b = Enforcer.builder(store).entities(entities).mode(properties.getEnforcement());
        listeners.orderedStream().forEach(b::listener);
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public CedarAuthorizationService cedarAuthorizationService(Enforcer enforcer, CedarPrincipalMapper principals,
            CedarContextFactory contexts, CedarProperties properties, ObjectProvider<CedarDecisionObserver> observer) {
        try {
            CedarNames.type(properties.getActionType());
        } catch (RuntimeException e) {
            throw new CedarConfigurationException("cedar.action-type `" + properties.getActionType()
                    + "` is not an entity type name", e);
        }
        return new CedarAuthorizationService(enforcer, principals, contexts, properties.getActionType(),
                observer.getIfUnique(() -> CedarDecisionObserver.NONE));
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

    /** Observes decisions when there is an {@code ObservationRegistry} bean (Boot makes one with Actuator). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class ObservationConfiguration {
        @Bean
        @ConditionalOnMissingBean(CedarDecisionObserver.class)
        CedarObservation cedarObservation(ObjectProvider<ObservationRegistry> registry) {
            return new CedarObservation(SingletonSupplier.of(registry::getIfUnique));
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
            return new CedarAuthorizationManager(service, resolver.getIfAvailable(
                    () -> routes(properties, service.policies().current().schema().orElse(null))));
        }

        /**
         * The route table of {@code cedar.http.routes}.
         *
         * @throws CedarConfigurationException naming the property when a route is incomplete or malformed, or
         *         names an action or type the schema lacks
         */
        static CedarRoutes routes(CedarProperties properties, Schema schema) {
            CedarRoutes.Builder b = CedarRoutes.builder();
            try {
                b.actionType(properties.getActionType());
            } catch (RuntimeException e) {
                throw new CedarConfigurationException("cedar.action-type `" + properties.getActionType()
                        + "` is not an entity type name", e);
            }
            List<CedarProperties.Route> configured = properties.getHttp().getRoutes();
            for (int i = 0; i < configured.size(); i++) {
                CedarProperties.Route r = configured.get(i);
                String name = "cedar.http.routes[" + i + "]";
                require(name + ".method", r.getMethod());
                require(name + ".path", r.getPath());
                require(name + ".action", r.getAction());
                require(name + ".resource-type", r.getResourceType());
                require(name + ".resource-id", r.getResourceId());
                try {
                    b.route(r.getMethod(), r.getPath(), r.getAction(), r.getResourceType(), r.getResourceId());
                } catch (RuntimeException e) {
                    throw new CedarConfigurationException(name + " (" + r.getMethod() + " " + r.getPath() + "): "
                            + e.getMessage(), e);
                }
            }
            CedarRoutes routes = b.build();
            if (schema != null) {
                List<String> problems = new ArrayList<>();
                List<RouteTable.Route> built = routes.routes();
                for (int i = 0; i < built.size(); i++) {
                    RouteTable.Route r = built.get(i);
                    problems.addAll(SchemaCheck.check(schema, "cedar.http.routes[" + i + "] (" + r + ")", r.action(),
                            r.resource().type(), CedarNames.type(properties.getPrincipal().getType())));
                }
                if (!problems.isEmpty()) {
                    throw new CedarConfigurationException(String.join("\n", problems));
                }
            }
            if (routes.isEmpty()) {
                log.warn("cedar: no routes (cedar.http.routes) and no CedarRequestResolver bean, so the "
                        + "CedarAuthorizationManager bean denies every request it is asked about");
            }
            return routes;
        }

        private static void require(String property, String value) {
            if (value == null || value.isBlank()) {
                throw new CedarConfigurationException(property + " is missing: each route needs method, path, action, "
                        + "resource-type and resource-id");
            }
        }
    }
}
