package io.cedarwood.spring.security.contract;

import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.method.CedarResourceResolver;
import io.cedarwood.spring.security.reactive.CedarReactiveMethodAuthorizationManager;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

import java.util.Set;

/** The contract through {@link CedarReactiveMethodAuthorizationManager}, Spring Security's reactive method authorization. */
class ReactiveMethodManagerContractTest extends EnforcementContract {

    /** The contract's {@link EnforcementContract#METHODS}, returning {@code Mono}s. */
    public static class Docs {
        @CedarAuthorize(action = "view", resourceType = "Doc", resource = "#docId")
        public Mono<String> view(String docId) {
            return Mono.just("viewed");
        }

        @CedarAuthorize(action = "edit", resourceType = "Doc", resource = "#docId")
        public Mono<String> edit(String docId) {
            return Mono.just("edited");
        }

        @CedarAuthorize(action = "delete", resourceType = "Doc", resource = "#docId")
        public Mono<String> delete(String docId) {
            return Mono.just("deleted");
        }
    }

    @Override
    protected boolean http() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Observed ask(ContractCase c) throws Exception {
        SpringContract spring = new SpringContract();
        ProxyFactory factory = new ProxyFactory(new Docs());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarReactiveMethodAuthorizationManager(new CedarMethodAuthorizationManager(spring.service,
                CedarResourceResolver.uidsOnly(), null)).interceptor());
        Docs docs = (Docs) factory.getProxy();
        Mono<String> result = (Mono<String>) Docs.class.getMethod(c.method(), String.class).invoke(docs, c.docId());
        boolean granted;
        try {
            result.contextWrite(ReactiveSecurityContextHolder.withAuthentication(SpringContract.caller(c))).block();
            granted = true;
        } catch (AuthorizationDeniedException e) {
            granted = false;
        }
        return spring.last.get() == null ? new Observed(granted, Set.of(), null)
                : new Observed(granted, Observed.of(spring.last.get()).reason(), Observed.of(spring.last.get()).context());
    }
}
