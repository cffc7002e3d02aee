package io.cedarwood.spring.security.contract;

import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Set;

/** The contract through {@link CedarAuthorizationManager}, Spring Security's request authorization. */
class RequestManagerContractTest extends EnforcementContract {

    @Override
    protected boolean http() {
        return true;
    }

    @Override
    protected Observed ask(ContractCase c) {
        SpringContract spring = new SpringContract();
        CedarAuthorizationManager manager = new CedarAuthorizationManager(spring.service, CedarRoutes.parse(ROUTES));
        MockHttpServletRequest request = new MockHttpServletRequest(c.httpMethod(), "/app" + c.path());
        request.setContextPath("/app");
        request.setRemoteAddr("127.0.0.1");
        boolean granted = manager.authorize(() -> SpringContract.caller(c), new RequestAuthorizationContext(request)).isGranted();
        return spring.last.get() == null ? new Observed(granted, Set.of(), null)
                : new Observed(granted, Observed.of(spring.last.get()).reason(), Observed.of(spring.last.get()).context());
    }
}
