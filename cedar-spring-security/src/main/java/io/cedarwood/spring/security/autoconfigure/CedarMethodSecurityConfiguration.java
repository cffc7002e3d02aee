package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.method.CedarPermissionEvaluator;
import io.cedarwood.spring.security.method.CedarPostMethodAuthorizationManager;
import io.cedarwood.spring.security.method.CedarResourceResolver;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.method.AuthorizationManagerAfterMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.config.core.GrantedAuthorityDefaults;

/**
 * {@code @CedarAuthorize}, {@code @CedarPostAuthorize} and {@code hasPermission(...)} by Cedar. The
 * advisors need no {@code @EnableMethodSecurity}; {@code hasPermission} is Spring's, so it needs
 * {@code @EnableMethodSecurity} (for {@code @PreAuthorize}), which then uses the
 * {@code MethodSecurityExpressionHandler} registered here unless the application has its own.
 *
 * <p>The advisors and the expression handler are infrastructure beans, created early; they reach the
 * Cedar beans lazily, on the first call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({MethodInvocation.class, AuthorizationManagerBeforeMethodInterceptor.class})
@ConditionalOnBooleanProperty(name = "cedar.method-security.enabled", matchIfMissing = true)
@Import(CedarMethodSecurityConfiguration.AutoProxyRegistrar.class)
class CedarMethodSecurityConfiguration {

    @Bean
    CedarAnnotationCheck cedarAnnotationCheck(org.springframework.beans.factory.config.ConfigurableListableBeanFactory beans,
            ObjectProvider<io.cedarwood.enforcement.PolicyStore> policies, ObjectProvider<CedarProperties> properties) {
        return new CedarAnnotationCheck(beans, policies, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CedarResourceResolver cedarResourceResolver() {
        return CedarResourceResolver.uidsOnly();
    }

    @Bean
    @ConditionalOnMissingBean
    CedarMethodAuthorizationManager cedarMethodAuthorizationManager(CedarAuthorizationService service,
            CedarResourceResolver resources, BeanFactory beans) {
        return new CedarMethodAuthorizationManager(service, resources, beans);
    }

    @Bean
    @ConditionalOnMissingBean
    CedarPostMethodAuthorizationManager cedarPostMethodAuthorizationManager(CedarAuthorizationService service,
            CedarResourceResolver resources, BeanFactory beans) {
        return new CedarPostMethodAuthorizationManager(service, resources, beans);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @Conditional(NotReactiveWebApplication.class)  // CedarReactiveAutoConfiguration's advisor decides there
    static AuthorizationManagerBeforeMethodInterceptor cedarAuthorizeAdvisor(
            ObjectProvider<CedarMethodAuthorizationManager> manager,
            ObjectProvider<AuthorizationEventPublisher> events) {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                CedarMethodAuthorizationManager.pointcut(),
                new LazyAuthorizationManager<MethodInvocation, CedarMethodAuthorizationManager>(manager::getObject));
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        interceptor.setAuthorizationEventPublisher(new LazyEventPublisher(events));
        return interceptor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static AuthorizationManagerAfterMethodInterceptor cedarPostAuthorizeAdvisor(
            ObjectProvider<CedarPostMethodAuthorizationManager> manager,
            ObjectProvider<AuthorizationEventPublisher> events) {
        AuthorizationManagerAfterMethodInterceptor interceptor = new AuthorizationManagerAfterMethodInterceptor(
                CedarPostMethodAuthorizationManager.pointcut(),
                new LazyAuthorizationManager<MethodInvocationResult, CedarPostMethodAuthorizationManager>(manager::getObject));
        interceptor.setOrder(AuthorizationInterceptorsOrder.POST_AUTHORIZE.getOrder() + 1);
        interceptor.setAuthorizationEventPublisher(new LazyEventPublisher(events));
        return interceptor;
    }

    @Bean
    @ConditionalOnMissingBean(PermissionEvaluator.class)
    CedarPermissionEvaluator cedarPermissionEvaluator(CedarAuthorizationService service,
            CedarResourceResolver resources) {
        return new CedarPermissionEvaluator(service, resources);
    }

    /**
     * Makes {@code hasPermission} reach the permission evaluator: Spring Security's method security uses
     * a permission evaluator only through the expression handler. Takes the application's role hierarchy
     * and role prefix as Spring Security's own default handler does; not Spring Security 7's
     * {@code AuthorizationManagerFactory} (an application with one defines its own handler).
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean(MethodSecurityExpressionHandler.class)
    @SuppressWarnings("deprecation") // the role setters are deprecated in Spring Security 7, the only ones in 6.5
    static MethodSecurityExpressionHandler cedarMethodSecurityExpressionHandler(
            ObjectProvider<PermissionEvaluator> permissionEvaluator, ObjectProvider<RoleHierarchy> roleHierarchy,
            ObjectProvider<GrantedAuthorityDefaults> authorityDefaults, ApplicationContext context) {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setPermissionEvaluator(new LazyPermissionEvaluator(permissionEvaluator));
        roleHierarchy.ifAvailable(handler::setRoleHierarchy);
        authorityDefaults.ifAvailable(d -> handler.setDefaultRolePrefix(d.getRolePrefix()));
        handler.setApplicationContext(context);
        return handler;
    }

    /** Registers an auto-proxy creator for the advisors, as {@code @EnableMethodSecurity} does. */
    static class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
        }
    }
}
