package io.cedarwood.spring.security.reactive;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.method.CedarResourceResolver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarReactiveMethodAuthorizationManagerTest {
    private static final Authentication BOB = ContractService.user("bob");
    private static final Authentication ALICE = ContractService.user("alice", "viewer");

    private final Scheduler scheduler = Schedulers.newSingle("cedar-test");
    private final ContractService contract = new ContractService();
    private final Docs target = new Docs();
    private final Docs docs = proxy(target);

    /** Counts the calls that got through to the method. */
    public static class Docs {
        final AtomicInteger calls = new AtomicInteger();

        @CedarAuthorize(action = "edit", resourceType = "Doc", resource = "#docId")
        public Mono<String> edit(String docId) {
            calls.incrementAndGet();
            return Mono.just("edited " + docId);
        }

        @CedarAuthorize(action = "view", resourceType = "Doc", resource = "#docId")
        public Flux<String> lines(String docId) {
            calls.incrementAndGet();
            return Flux.just("a", "b", "c");
        }

        @CedarAuthorize(action = "view", resourceType = "Doc", resource = "#docId")
        public String blocking(String docId) {
            calls.incrementAndGet();
            return "viewed";
        }
    }

    @AfterEach
    void dispose() {
        scheduler.dispose();
    }

    private Docs proxy(Docs target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarReactiveMethodAuthorizationManager(new CedarMethodAuthorizationManager(
                contract.service, CedarResourceResolver.uidsOnly(), null), scheduler).interceptor());
        return (Docs) factory.getProxy();
    }

    private static <T> Mono<T> as(Authentication a, Mono<T> mono) {
        return mono.contextWrite(ReactiveSecurityContextHolder.withAuthentication(a));
    }

    @Test
    void anAllowedCallRunsTheMethod() {
        assertThat(as(BOB, docs.edit("1")).block()).isEqualTo("edited 1");
        assertThat(target.calls).hasValue(1);
    }

    @Test
    void aDenialIsAnErrorInTheStreamAndTheMethodDoesNotRun() {
        Mono<String> result = docs.edit("1");   // the call itself returns normally
        assertThat(target.calls).hasValue(0);
        assertThatThrownBy(() -> as(ALICE, result).block())
                .isInstanceOfSatisfying(AuthorizationDeniedException.class, e -> {
                    assertThat(e.getAuthorizationResult()).isInstanceOf(CedarAuthorizationDecision.class);
                    assertThat(((CedarAuthorizationDecision) e.getAuthorizationResult()).request()).isPresent();
                });
        assertThat(target.calls).hasValue(0);
    }

    @Test
    void theDecisionIsMadeOnSubscriptionNotAtTheCall() {
        Mono<String> result = docs.edit("1");
        assertThat(contract.providerThreads).isEmpty();
        assertThat(as(BOB, result).block()).isEqualTo("edited 1");
        assertThat(contract.providerThreads).isNotEmpty().allMatch(t -> t.startsWith("cedar-test"));
    }

    @Test
    void aFluxIsDecidedOnceBeforeItsFirstElement() {
        List<String> lines = docs.lines("1").contextWrite(ReactiveSecurityContextHolder.withAuthentication(ALICE))
                .collectList().block();
        assertThat(lines).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> docs.lines("2").contextWrite(ReactiveSecurityContextHolder.withAuthentication(BOB))
                .collectList().block()).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(target.calls).hasValue(1);
    }

    @Test
    void withoutAnAuthenticationTheCallIsDenied() {
        assertThatThrownBy(() -> docs.edit("1").block())
                .isInstanceOfSatisfying(AuthorizationDeniedException.class, e -> assertThat(
                        ((CedarAuthorizationDecision) e.getAuthorizationResult()).failure()).contains("unauthenticated"));
        assertThat(target.calls).hasValue(0);
    }

    @Test
    void theDeterminingPoliciesAreThoseOfTheBlockingManager() {
        assertThatThrownBy(() -> as(ContractService.user("alice"), docs.edit("2")).block())
                .isInstanceOfSatisfying(AuthorizationDeniedException.class, e -> assertThat(
                        ((CedarAuthorizationDecision) e.getAuthorizationResult()).diagnostics().reason())
                        .containsExactly(PolicyId.of("secret")));
    }

    @Test
    void aMethodThatReturnsNoPublisherIsRefused() {
        assertThatThrownBy(() -> docs.blocking("1")).isInstanceOf(IllegalStateException.class);
        assertThat(target.calls).hasValue(0);
    }
}
