package io.cedarwood.spring.security.observation;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.cedarwood.spring.security.Decisions.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarObservationTest {
    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.NO_AUTHORITIES);

    /** Records every stopped observation, as a metrics or tracing handler sees it. */
    static final class Recorder implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> stopped = new ArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        Observation.Context only() {
            assertThat(stopped).hasSize(1);
            return stopped.get(0);
        }
    }

    static Map<String, String> low(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    static Map<String, String> high(Observation.Context c) {
        return c.getHighCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private final Recorder recorder = new Recorder();
    private final CedarAuthorizationService service;

    CedarObservationTest() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(recorder);
        service = CedarAuthorizationService.builder(PolicyStore.of(PolicyBundle.of(PolicySet.parse("""
                permit(principal == User::"alice", action == Action::"GetList", resource == List::"1");
                """)))).observer(new CedarObservation(() -> registry)).build();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private CedarAuthorizationDecision request(String uri) {
        CedarAuthorizationManager manager = new CedarAuthorizationManager(service,
                CedarRoutes.builder().route("GET", "/lists/{id}", "GetList", "List", "{id}").build());
        return decide(manager, ALICE, new RequestAuthorizationContext(new MockHttpServletRequest("GET", uri)));
    }

    @Test
    void aRequestDecisionIsObservedWithItsDecisionAndAction() {
        assertThat(request("/lists/1").isGranted()).isTrue();
        Observation.Context c = recorder.only();
        assertThat(c.getName()).isEqualTo(CedarObservation.NAME);
        assertThat(c.getContextualName()).isEqualTo("cedar http");
        assertThat(low(c)).containsExactlyInAnyOrderEntriesOf(Map.of("cedar.source", "http",
                "cedar.action", "Action::\"GetList\"", "cedar.decision", "allow", "cedar.granted", "true"));
        assertThat(high(c)).containsEntry("cedar.principal", "User::\"alice\"")
                .containsEntry("cedar.resource", "List::\"1\"").containsEntry("cedar.policies", "policy0");
        assertThat(c).isInstanceOfSatisfying(CedarObservationContext.class,
                cedar -> assertThat(cedar.decision()).hasValueSatisfying(d -> assertThat(d.isGranted()).isTrue()));
    }

    @Test
    void aDenialIsObservedAsDenyAndNoIdIsALowCardinalityKey() {
        assertThat(request("/lists/2").isGranted()).isFalse();
        Observation.Context c = recorder.only();
        assertThat(low(c)).containsEntry("cedar.decision", "deny").containsEntry("cedar.granted", "false");
        assertThat(low(c).values()).noneMatch(v -> v.contains("alice") || v.contains("List::"));
        assertThat(high(c)).containsEntry("cedar.resource", "List::\"2\"").containsEntry("cedar.policies", "");
    }

    @Test
    void aFailureBeforeCedarIsObservedAsFailure() {
        assertThat(request("/nowhere").isGranted()).isFalse();
        assertThat(low(recorder.only())).containsEntry("cedar.decision", "failure").containsEntry("cedar.action", "none")
                .containsEntry("cedar.granted", "false");
    }

    static class Lists {
        @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#id")
        public String get(String id) {
            return id;
        }
    }

    @Test
    void aMethodDecisionIsObserved() {
        ProxyFactory factory = new ProxyFactory(new Lists());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarMethodAuthorizationManager(service).interceptor());
        Lists lists = (Lists) factory.getProxy();
        SecurityContextHolder.getContext().setAuthentication(ALICE);
        assertThatThrownBy(() -> lists.get("3")).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(low(recorder.only())).containsEntry("cedar.source", "method")
                .containsEntry("cedar.action", "Action::\"GetList\"").containsEntry("cedar.decision", "deny");
    }

    @Test
    void withoutARegistryNothingIsObservedAndTheDecisionStands() {
        CedarAuthorizationService plain = CedarAuthorizationService.builder(service.policies())
                .observer(new CedarObservation(() -> null)).build();
        assertThat(decide(new CedarAuthorizationManager(plain, CedarRoutes.builder()
                        .route("GET", "/lists/{id}", "GetList", "List", "{id}").build()), ALICE,
                new RequestAuthorizationContext(new MockHttpServletRequest("GET", "/lists/1"))).isGranted()).isTrue();
        assertThat(recorder.stopped).isEmpty();
    }
}
