package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.reactive.CedarExchangeResolver;
import io.cedarwood.spring.security.reactive.CedarReactiveAuthorizationManager;
import io.cedarwood.spring.security.reactive.CedarReactiveMethodAuthorizationManager;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarTarget;

import io.cedarwood.spring.security.method.CedarAuthorize;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarReactiveAutoConfigurationTest {
    private static final AutoConfigurations CEDAR = AutoConfigurations.of(CedarAutoConfiguration.class,
            CedarReactiveAutoConfiguration.class);
    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.createAuthorityList("ROLE_USER"));

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(CEDAR);

    private static CedarAuthorizationDecision decide(CedarReactiveAuthorizationManager manager, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000)));
        return (CedarAuthorizationDecision) manager.authorize(Mono.just(ALICE), new AuthorizationContext(exchange)).block();
    }

    @Test
    void aReactiveWebApplicationGetsTheReactiveManagersAndNotTheBlockingAdvisor() {
        reactive.run(ctx -> {
            assertThat(ctx).hasNotFailed()
                    .hasSingleBean(CedarReactiveAuthorizationManager.class)
                    .hasSingleBean(CedarReactiveMethodAuthorizationManager.class)
                    .hasSingleBean(AuthorizationManagerBeforeReactiveMethodInterceptor.class)
                    .doesNotHaveBean(AuthorizationManagerBeforeMethodInterceptor.class)
                    .doesNotHaveBean(CedarAuthorizationManager.class);
        });
    }

    @Test
    void aServletWebApplicationGetsNone() {
        new WebApplicationContextRunner().withConfiguration(CEDAR).run(ctx -> {
            assertThat(ctx).hasNotFailed()
                    .hasSingleBean(CedarAuthorizationManager.class)
                    .hasSingleBean(AuthorizationManagerBeforeMethodInterceptor.class)
                    .doesNotHaveBean(CedarReactiveAuthorizationManager.class)
                    .doesNotHaveBean(AuthorizationManagerBeforeReactiveMethodInterceptor.class);
        });
    }

    @Test
    void aNonWebApplicationKeepsTheBlockingAdvisor() {
        new ApplicationContextRunner().withConfiguration(CEDAR).run(ctx -> {
            assertThat(ctx).hasNotFailed()
                    .hasSingleBean(AuthorizationManagerBeforeMethodInterceptor.class)
                    .doesNotHaveBean(CedarReactiveAuthorizationManager.class)
                    .doesNotHaveBean(AuthorizationManagerBeforeReactiveMethodInterceptor.class);
        });
    }

    @Test
    void withoutTheServletApiOnTheClasspath() {
        reactive.withClassLoader(new FilteredClassLoader("jakarta.servlet")).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(CedarReactiveAuthorizationManager.class);
        });
    }

    @Test
    void theRoutesOfThePropertiesAreTheServletManagers() {
        reactive.withPropertyValues(
                        "cedar.schema=classpath:cedar/schema.cedarschema",
                        "cedar.http.routes[0].method=GET",
                        "cedar.http.routes[0].path=/api/lists/{listId}",
                        "cedar.http.routes[0].action=GetList",
                        "cedar.http.routes[0].resource-type=List",
                        "cedar.http.routes[0].resource-id={listId}")
                .run(ctx -> {
                    CedarAuthorizationDecision d = decide(ctx.getBean(CedarReactiveAuthorizationManager.class), "/api/lists/1");
                    assertThat(d.request().orElseThrow().resource().toCedar()).isEqualTo("List::\"1\"");
                    assertThat(d.request().orElseThrow().action().toCedar()).isEqualTo("Action::\"GetList\"");
                    assertThat(decide(ctx.getBean(CedarReactiveAuthorizationManager.class), "/api/other").failure())
                            .contains("no route for `GET /api/other`");
                });
    }

    @Test
    void aMisspeltRouteStopsTheStartAsInTheServletStack() {
        reactive.withPropertyValues(
                        "cedar.schema=classpath:cedar/schema.cedarschema",
                        "cedar.http.routes[0].method=GET",
                        "cedar.http.routes[0].path=/api/lists/{listId}",
                        "cedar.http.routes[0].action=GetLists",
                        "cedar.http.routes[0].resource-type=List",
                        "cedar.http.routes[0].resource-id={listId}")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("cedar.http.routes[0]").hasMessageContaining("did you mean"));
    }

    @Test
    void anExchangeResolverBeanIsUsed() {
        reactive.withUserConfiguration(Resolver.class).run(ctx -> {
            CedarAuthorizationDecision d = decide(ctx.getBean(CedarReactiveAuthorizationManager.class), "/anything");
            assertThat(d.request().orElseThrow().resource().toCedar()).isEqualTo("List::\"7\"");
        });
    }

    @Test
    void methodSecurityCanBeTurnedOff() {
        reactive.withPropertyValues("cedar.method-security.enabled=false").run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(AuthorizationManagerBeforeReactiveMethodInterceptor.class)
                .hasSingleBean(CedarReactiveAuthorizationManager.class));
    }

    @Test
    void cedarAuthorizeOnReactiveMethodsNeedsNoEnableAnnotation() {
        reactive.withUserConfiguration(Lists.class).withPropertyValues("cedar.entities=classpath:cedar/entities.json")
                .run(ctx -> {
            Lists lists = ctx.getBean(Lists.class);
            Mono<String> result = lists.get("1");   // no exception at the call
            assertThatThrownBy(result::block).isInstanceOfSatisfying(AuthorizationDeniedException.class,
                    e -> assertThat(((CedarAuthorizationDecision) e.getAuthorizationResult()).failure())
                            .contains("unauthenticated"));
            assertThat(result.contextWrite(ReactiveSecurityContextHolder.withAuthentication(ALICE)).block())
                    .isEqualTo("list 1");   // alice owns list 1
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Lists {
        @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
        public Mono<String> get(String listId) {
            return Mono.just("list " + listId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Resolver {
        @Bean
        CedarExchangeResolver resolver() {
            return c -> new CedarTarget(EntityUid.of("Action", "GetList"),
                    EntityUid.of("List", "7"));
        }
    }
}
