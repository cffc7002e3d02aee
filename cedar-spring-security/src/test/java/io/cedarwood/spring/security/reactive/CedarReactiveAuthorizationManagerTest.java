package io.cedarwood.spring.security.reactive;

import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;
import io.cedarwood.spring.security.web.CedarTarget;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CedarReactiveAuthorizationManagerTest {
    private static final Authentication BOB = ContractService.user("bob");
    private static final Authentication ALICE = ContractService.user("alice", "viewer");

    private final Scheduler scheduler = Schedulers.newSingle("cedar-test");
    private final ContractService contract = new ContractService();
    private final CedarReactiveAuthorizationManager manager = new CedarReactiveAuthorizationManager(contract.service,
            CedarExchangeResolver.of(CedarRoutes.parse(EnforcementContract.ROUTES)), scheduler);

    @AfterEach
    void dispose() {
        scheduler.dispose();
    }

    private static MockServerWebExchange exchange(String method, String uri) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(uri))
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000)));
    }

    private CedarAuthorizationDecision decide(CedarReactiveAuthorizationManager m, Authentication a, MockServerWebExchange e) {
        AuthorizationResult result = m.authorize(a == null ? Mono.empty() : Mono.just(a), new AuthorizationContext(e)).block();
        assertThat(result).isInstanceOf(CedarAuthorizationDecision.class);
        return (CedarAuthorizationDecision) result;
    }

    @Test
    void theRouteTableMapsTheRequestAndCedarDecides() {
        CedarAuthorizationDecision d = decide(manager, BOB, exchange("PUT", "/docs/1"));
        assertThat(d.isGranted()).isTrue();
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("owners"));
        assertThat(decide(manager, ALICE, exchange("PUT", "/docs/1")).isGranted()).isFalse();
    }

    @Test
    void anActionGroupOfTheSchemaApplies() {
        CedarAuthorizationDecision d = decide(manager, ALICE, exchange("GET", "/docs/1"));
        assertThat(d.isGranted()).isTrue();
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("readers"));
    }

    @Test
    void aRequestWithoutARouteIsDenied() {
        CedarAuthorizationDecision d = decide(manager, BOB, exchange("POST", "/docs/1"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).contains("no route for `POST /docs/1`");
    }

    @Test
    void anAmbiguousPathIsDeniedBeforeAnyDecision() {
        CedarAuthorizationDecision d = decide(manager, BOB, exchange("PUT", "/docs/1%2F..%2F2"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).contains("ambiguous path `/docs/1%2F..%2F2`");
        assertThat(contract.providerThreads).isEmpty();
    }

    @Test
    void withoutAnAuthenticationCedarIsNotAsked() {
        CedarAuthorizationDecision d = decide(manager, null, exchange("PUT", "/docs/1"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).contains("unauthenticated");
        assertThat(d.request()).isEmpty();
    }

    @Test
    void anUnknownRemoteAddressDenies() {
        MockServerWebExchange e = MockServerWebExchange.from(MockServerHttpRequest.put("/docs/1"));
        CedarAuthorizationDecision d = decide(manager, BOB, e);
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure().orElseThrow()).contains("no remote address");
    }

    @Test
    void aResolverThatThrowsDenies() {
        CedarReactiveAuthorizationManager broken = new CedarReactiveAuthorizationManager(contract.service, c -> {
            throw new IllegalStateException("boom");
        }, scheduler);
        CedarAuthorizationDecision d = decide(broken, BOB, exchange("PUT", "/docs/1"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure().orElseThrow()).contains("could not be mapped").contains("boom");
    }

    @Test
    void theContextHasTheRequestsStandardKeys() {
        MockServerWebExchange e = MockServerWebExchange.from(MockServerHttpRequest.put("/app/docs/1").contextPath("/app")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 40000)));
        CedarAuthorizationDecision d = decide(manager, BOB, e);
        var context = d.request().orElseThrow().context();
        assertThat(context.get("path").toCedar()).isEqualTo("\"/docs/1\"");
        assertThat(context.get("method").toCedar()).isEqualTo("\"PUT\"");
        assertThat(context.get("clientIp").toCedar()).isEqualTo("ip(\"10.1.2.3\")");
        assertThat(context.get("secure").toCedar()).isEqualTo("false");
        assertThat(e.getAttributes().get(CedarAuthorizationManager.DECISION_ATTRIBUTE)).isSameAs(d);
    }

    @Test
    void theDecisionRunsOnTheGivenSchedulerWithItsEntityLookups() {
        String caller = Thread.currentThread().getName();
        decide(manager, BOB, exchange("PUT", "/docs/1"));
        assertThat(contract.providerThreads).isNotEmpty().allMatch(t -> t.startsWith("cedar-test"))
                .doesNotContain(caller);
    }

    @Test
    void byDefaultOnTheBoundedElasticScheduler() {
        CedarReactiveAuthorizationManager defaults = new CedarReactiveAuthorizationManager(contract.service,
                CedarRoutes.parse(EnforcementContract.ROUTES));
        assertThat(decide(defaults, BOB, exchange("PUT", "/docs/1")).isGranted()).isTrue();
        assertThat(contract.providerThreads).isNotEmpty().allMatch(t -> t.startsWith("boundedElastic-"));
    }

    @Test
    void perMatcherTheTargetComesFromThePathVariables() {
        CedarReactiveAuthorizationManager edit = manager.to("edit", "Doc", "{docId}");
        AuthorizationResult granted = edit.authorize(Mono.just(BOB),
                new AuthorizationContext(exchange("PUT", "/anything"), Map.of("docId", "1"))).block();
        assertThat(granted.isGranted()).isTrue();
        CedarAuthorizationDecision missing = (CedarAuthorizationDecision) edit.authorize(Mono.just(BOB),
                new AuthorizationContext(exchange("PUT", "/anything"), Map.of("id", "1"))).block();
        assertThat(missing.isGranted()).isFalse();
        assertThat(missing.failure().orElseThrow()).contains("path variable `docId`");
    }

    @Test
    @SuppressWarnings("deprecation")   // on Spring Security 6.5, where check is the interface's (deprecated) method
    void springSecurity65sEntryPointDecidesTheSame() {
        var d = manager.check(Mono.just(BOB), new AuthorizationContext(exchange("PUT", "/docs/1"))).block();
        assertThat(d).isInstanceOf(CedarAuthorizationDecision.class);
        assertThat(d.isGranted()).isTrue();
    }

    @Test
    void aCustomResolverGivesTheTarget() {
        CedarReactiveAuthorizationManager custom = new CedarReactiveAuthorizationManager(contract.service,
                c -> new CedarTarget(contract.service.action("delete"), EntityUid.of("Doc", "2")),
                scheduler);
        CedarAuthorizationDecision d = decide(custom, ContractService.user("alice"), exchange("GET", "/whatever"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("secret"));
    }
}
