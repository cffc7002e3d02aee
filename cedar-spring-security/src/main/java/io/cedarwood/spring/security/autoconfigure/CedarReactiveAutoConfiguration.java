package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.reactive.CedarExchangeResolver;
import io.cedarwood.spring.security.reactive.CedarReactiveAuthorizationManager;
import io.cedarwood.spring.security.reactive.CedarReactiveMethodAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;

/**
 * Cedar in a reactive web application (WebFlux): a {@link CedarReactiveAuthorizationManager} bean for
 * {@code authorizeExchange}, on the route table of a {@link CedarRoutes} bean or of {@code cedar.http.routes}
 * (as the servlet manager's), and {@code @CedarAuthorize} on methods returning a {@code Mono} or
 * {@code Flux}, decided on subscription. The policies, entities, principal and context are
 * {@link CedarAutoConfiguration}'s. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = CedarAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(value = {AuthorizationManager.class, Entities.class},
        name = {"reactor.core.publisher.Mono", "org.springframework.security.web.server.authorization.AuthorizationContext"})
public class CedarReactiveAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CedarReactiveAuthorizationManager cedarReactiveAuthorizationManager(CedarAuthorizationService service,
            ObjectProvider<CedarExchangeResolver> resolver, ObjectProvider<CedarRoutes> routes,
            CedarProperties properties) {
        return new CedarReactiveAuthorizationManager(service, resolver.getIfAvailable(
                () -> CedarExchangeResolver.of(routes.getIfAvailable(() -> CedarAutoConfiguration.WebConfiguration.routes(
                        properties, service.policies().current().schema().orElse(null))))));
    }

    /** {@code @CedarAuthorize} on reactive methods; the blocking advisor of {@link CedarMethodSecurityConfiguration} is off here. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MethodInvocation.class, AuthorizationManagerBeforeReactiveMethodInterceptor.class})
    @ConditionalOnBooleanProperty(name = "cedar.method-security.enabled", matchIfMissing = true)
    static class MethodSecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CedarReactiveMethodAuthorizationManager cedarReactiveMethodAuthorizationManager(
                CedarMethodAuthorizationManager methods) {
            return new CedarReactiveMethodAuthorizationManager(methods);
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static AuthorizationManagerBeforeReactiveMethodInterceptor cedarReactiveAuthorizeAdvisor(
                ObjectProvider<CedarReactiveMethodAuthorizationManager> manager) {
            return CedarReactiveMethodAuthorizationManager.interceptor(
                    new LazyReactiveAuthorizationManager<MethodInvocation>(() -> manager.getObject()::authorize));
        }
    }
}
