package io.cedarwood.spring.security.contract;

import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarMethodAuthorizationManager;
import io.cedarwood.spring.security.method.CedarResourceResolver;

import org.junit.jupiter.api.AfterEach;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/** The contract through {@link CedarMethodAuthorizationManager}, Spring Security's method authorization. */
class MethodManagerContractTest extends EnforcementContract {

    /** The contract's {@link EnforcementContract#METHODS}. */
    public static class Docs {
        @CedarAuthorize(action = "view", resourceType = "Doc", resource = "#docId")
        public String view(String docId) {
            return "viewed";
        }

        @CedarAuthorize(action = "edit", resourceType = "Doc", resource = "#docId")
        public String edit(String docId) {
            return "edited";
        }

        @CedarAuthorize(action = "delete", resourceType = "Doc", resource = "#docId")
        public String delete(String docId) {
            return "deleted";
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Override
    protected boolean http() {
        return false;
    }

    @Override
    protected Observed ask(ContractCase c) throws Exception {
        SpringContract spring = new SpringContract();
        ProxyFactory factory = new ProxyFactory(new Docs());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarMethodAuthorizationManager(spring.service, CedarResourceResolver.uidsOnly(), null)
                .interceptor());
        Docs docs = (Docs) factory.getProxy();
        SecurityContextHolder.getContext().setAuthentication(SpringContract.caller(c));
        boolean granted;
        try {
            Docs.class.getMethod(c.method(), String.class).invoke(docs, c.docId());
            granted = true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (!(e.getCause() instanceof AuthorizationDeniedException)) {
                throw e;
            }
            granted = false;
        }
        return spring.last.get() == null ? new Observed(granted, Set.of(), null)
                : new Observed(granted, Observed.of(spring.last.get()).reason(), Observed.of(spring.last.get()).context());
    }
}
