package io.cedarwood.spring.security.contract;

import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.spring.security.reactive.CedarReactiveAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Set;

/** The contract through {@link CedarReactiveAuthorizationManager}, Spring Security's WebFlux request authorization. */
class ReactiveRequestManagerContractTest extends EnforcementContract {

    @Override
    protected boolean http() {
        return true;
    }

    @Override
    protected Observed ask(ContractCase c) {
        SpringContract spring = new SpringContract();
        CedarReactiveAuthorizationManager manager = new CedarReactiveAuthorizationManager(spring.service,
                CedarRoutes.parse(ROUTES));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .method(HttpMethod.valueOf(c.httpMethod()), "/app" + c.path())
                .contextPath("/app")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000)));
        Mono<Authentication> caller = Mono.just(SpringContract.caller(c));
        boolean granted = manager.authorize(caller, new AuthorizationContext(exchange)).block().isGranted();
        return spring.last.get() == null ? new Observed(granted, Set.of(), null)
                : new Observed(granted, Observed.of(spring.last.get()).reason(), Observed.of(spring.last.get()).context());
    }
}
