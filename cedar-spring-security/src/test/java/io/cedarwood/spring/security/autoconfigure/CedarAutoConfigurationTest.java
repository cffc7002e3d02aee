package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.enforcement.PolicyValidator;
import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationEventPublisher;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarMetrics;
import io.cedarwood.spring.security.CedarPolicyReloader;
import io.cedarwood.spring.security.CedarPrincipalMapper;
import io.cedarwood.spring.security.actuate.CedarActuatorAutoConfiguration;
import io.cedarwood.spring.security.actuate.CedarEndpoint;
import io.cedarwood.spring.security.actuate.CedarHealth;
import io.cedarwood.spring.security.oauth2.CedarClaimsPrincipalMapper;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.method.CedarPermissionEvaluator;
import io.cedarwood.spring.security.observation.CedarObservation;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.ArrayList;
import java.util.List;

import static io.cedarwood.spring.security.Decisions.decide;
import static org.assertj.core.api.Assertions.assertThat;

class CedarAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CedarAutoConfiguration.class));

    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.createAuthorityList("ROLE_USER"));

    @Test
    void defaultsLoadThePoliciesOnTheClasspath() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(PolicyStore.class).current().policies().policies()).hasSize(6);
            assertThat(ctx).hasSingleBean(CedarAuthorizationService.class)
                    .hasSingleBean(CedarAuthorizationEventPublisher.class)
                    .hasSingleBean(CedarPermissionEvaluator.class)
                    .hasSingleBean(MethodSecurityExpressionHandler.class)
                    .hasSingleBean(CedarMetrics.class)
                    .doesNotHaveBean(CedarPolicyReloader.class)
                    .doesNotHaveBean(CedarAuthorizationManager.class);
            assertThat(ctx.getBeansOfType(AuthorizationManagerBeforeMethodInterceptor.class)).hasSize(1);
            assertThat(ctx.getBean(EntityProvider.class)).isSameAs(Entities.EMPTY);
        });
    }

    @Test
    void startupFailsWhenPoliciesDoNotParse() {
        runner.withPropertyValues("cedar.policies=classpath:bad/syntax.cedar").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(loadFailure(ctx.getStartupFailure()))
                    .hasMessageContaining("syntax.cedar")
                    .hasMessageContaining("unexpected token `}`");
        });
    }

    @Test
    void startupFailsWhenPoliciesDoNotValidateAgainstTheSchema() {
        runner
                .withPropertyValues("cedar.policies=classpath:bad/typo.cedar", "cedar.schema=classpath:cedar/schema.cedarschema")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(loadFailure(ctx.getStartupFailure()))
                            .hasMessageContaining("do not validate")
                            .hasMessageContaining("for policy `typo`, unrecognized entity type `Usr`");
                });
    }

    @Test
    void validPoliciesPassTheValidator() {
        runner
                .withPropertyValues("cedar.schema=classpath:cedar/schema.cedarschema")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(PolicyStore.class).current().schema()).isPresent();
                });
    }

    @Test
    void validationCanBeSwitchedOff() {
        runner
                .withPropertyValues("cedar.policies=classpath:bad/typo.cedar",
                        "cedar.schema=classpath:cedar/schema.cedarschema", "cedar.validate=false")
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Test
    void validationNeedsASchema() {
        runner.withPropertyValues("cedar.validate=true").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(loadFailure(ctx.getStartupFailure())).hasMessageContaining("only against a schema");
        });
    }

    @Test
    void missingPolicyFileFailsStartup() {
        runner.withPropertyValues("cedar.policies=classpath:nowhere/policies.cedar").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(loadFailure(ctx.getStartupFailure())).hasMessageContaining("no policy file found at `classpath:nowhere/policies.cedar`");
        });
    }

    @Test
    void entitiesFromJson() {
        runner.withPropertyValues("cedar.entities=classpath:cedar/entities.json").run(ctx -> {
            Entities entities = (Entities) ctx.getBean(EntityProvider.class);
            assertThat(entities.size()).isEqualTo(6);
            assertThat(entities.ancestors(EntityUid.of("User", "bob"))).containsExactly(EntityUid.of("Team", "team1"));
        });
    }

    @Test
    void applicationBeansWin() {
        runner.withUserConfiguration(OwnBeans.class).run(ctx -> {
            assertThat(ctx.getBean(EntityProvider.class)).isSameAs(OwnBeans.ENTITIES);
            assertThat(ctx).doesNotHaveBean(CedarAuthorizationEventPublisher.class);
        });
    }

    @Test
    void switchesTurnPartsOff() {
        runner.withPropertyValues("cedar.metrics.enabled=false", "cedar.method-security.enabled=false").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(CedarMetrics.class)
                    .doesNotHaveBean(CedarPermissionEvaluator.class)
                    .doesNotHaveBean(AuthorizationManagerBeforeMethodInterceptor.class)
                    .doesNotHaveBean(MethodSecurityExpressionHandler.class);
        });
    }

    @Test
    void reloaderWhenSwitchedOn() {
        runner.withPropertyValues("cedar.reload.enabled=true", "cedar.reload.interval=1s").run(ctx -> {
            assertThat(ctx).hasSingleBean(CedarPolicyReloader.class);
            assertThat(ctx.getBean(CedarPolicyReloader.class).isRunning()).isTrue();
        });
    }

    @Test
    void actionTypeAndPrincipalTypes() {
        runner.withPropertyValues("cedar.action-type=Todo::Action").run(ctx -> assertThat(
                ctx.getBean(CedarAuthorizationService.class).action("GetList").toString()).isEqualTo("Todo::Action::\"GetList\""));
    }

    @Test
    void webApplicationGetsAManagerWithTheRoutesOfTheProperties() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CedarAutoConfiguration.class))
                .withPropertyValues("cedar.entities=classpath:cedar/entities.json",
                        "cedar.schema=classpath:cedar/schema.cedarschema",
                        "cedar.http.routes[0].method=GET",
                        "cedar.http.routes[0].path=/lists/{id}",
                        "cedar.http.routes[0].action=GetList",
                        "cedar.http.routes[0].resource-type=List",
                        "cedar.http.routes[0].resource-id={id}")
                .run(ctx -> {
                    CedarAuthorizationManager manager = ctx.getBean(CedarAuthorizationManager.class);
                    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lists/1");
                    CedarAuthorizationDecision d = decide(manager, ALICE, new RequestAuthorizationContext(request));
                    assertThat(d.isGranted()).isTrue();
                    MockHttpServletRequest other = new MockHttpServletRequest("GET", "/elsewhere");
                    assertThat(decide(manager, ALICE, new RequestAuthorizationContext(other)).failure()).isPresent();
                });
    }

    @Test
    void decisionsAreObservedThroughTheApplicationsObservationRegistry() {
        List<Observation.Context> stopped = new ArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        runner.withBean(ObservationRegistry.class, () -> registry).run(ctx -> {
            assertThat(ctx).hasSingleBean(CedarObservation.class);
            CedarAuthorizationService service = ctx.getBean(CedarAuthorizationService.class);
            service.authorize(Source.METHOD, ALICE, service.action("GetList"), EntityUid.of("List", "1"), null);
            assertThat(stopped).singleElement().satisfies(c -> {
                assertThat(c.getName()).isEqualTo(CedarObservation.NAME);
                assertThat(c.getLowCardinalityKeyValue("cedar.action").getValue()).isEqualTo("Action::\"GetList\"");
            });
        });
    }

    @Test
    void tokenClaimsAreMappedWhenConfigured() {
        runner.withPropertyValues("cedar.principal.claims.parents.Group=groups").run(ctx ->
                assertThat(ctx.getBean(CedarPrincipalMapper.class)).isInstanceOf(CedarClaimsPrincipalMapper.class));
        runner.run(ctx -> assertThat(ctx.getBean(CedarPrincipalMapper.class)).isNotInstanceOf(CedarClaimsPrincipalMapper.class));
    }

    @Test
    void tokenClaimsWithoutTheResourceServerStopTheStart() {
        runner.withClassLoader(new FilteredClassLoader(AbstractOAuth2TokenAuthenticationToken.class))
                .withPropertyValues("cedar.principal.claims.attributes.department=dept")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(CedarConfigurationException.class)
                            .hasMessageContaining("spring-security-oauth2-resource-server is not on the class path");
                });
    }

    @Test
    void aParentTypeThatIsNoTypeNameStopsTheStart() {
        runner.withPropertyValues("cedar.principal.claims.parents[no type]=groups").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("no type");
        });
    }

    @Test
    void actuatorPartsOnlyWithActuator() {
        ApplicationContextRunner both = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                CedarAutoConfiguration.class, CedarActuatorAutoConfiguration.class));
        both.run(ctx -> assertThat(ctx).hasSingleBean(CedarEndpoint.class).hasSingleBean(CedarHealth.class)
                .hasBean("cedarHealthIndicator"));
        both.withPropertyValues("management.health.cedar.enabled=false").run(ctx ->
                assertThat(ctx).hasSingleBean(CedarEndpoint.class).doesNotHaveBean("cedarHealthIndicator"));
        both.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CedarEndpoint.class)
                        .doesNotHaveBean(CedarHealth.class));
    }

    /** The exception that says why the policies did not load, wherever Spring wrapped it. */
    private static PolicyLoadException loadFailure(Throwable startupFailure) {
        for (Throwable t = startupFailure; t != null; t = t.getCause()) {
            if (t instanceof PolicyLoadException e) {
                return e;
            }
        }
        throw new AssertionError("no policy load failure in " + startupFailure, startupFailure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final EntityProvider ENTITIES = uid -> null;

        @Bean
        EntityProvider myEntities() {
            return ENTITIES;
        }

        @Bean
        @SuppressWarnings("deprecation") // the second method is Spring Security 6.5's, deprecated there
        AuthorizationEventPublisher myPublisher() {
            return new AuthorizationEventPublisher() {
                @Override
                public <T> void publishAuthorizationEvent(java.util.function.Supplier<Authentication> authentication,
                        T object, org.springframework.security.authorization.AuthorizationResult result) {
                }

                @SuppressWarnings("unused")
                public <T> void publishAuthorizationEvent(java.util.function.Supplier<Authentication> authentication,
                        T object, org.springframework.security.authorization.AuthorizationDecision decision) {
                }
            };
        }
    }
}
