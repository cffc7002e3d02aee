package io.cedarwood.spring.security.contract;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyFiles;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarContextFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The contract's setup for Spring Security: the service as the auto-configuration builds it, and a caller. */
final class SpringContract {
    final AtomicReference<EnforcementDecision> last = new AtomicReference<>();
    final CedarAuthorizationService service;

    SpringContract() {
        PolicyStore store = PolicyStore.of(PolicyBundle.of(
                PolicyFiles.policies(List.of(new PolicySource("policies.cedar", EnforcementContract.POLICIES))),
                PolicyFiles.schema(new PolicySource("schema.cedarschema", EnforcementContract.SCHEMA))));
        service = CedarAuthorizationService.builder(store)
                .entities(EnforcementContract.entities())
                .contexts(new CedarContextFactory(EnforcementContract.CLOCK, List.of()))
                .listener((d, nanos) -> last.set(d))
                .build();
    }

    /** The caller of {@code c}: its roles are its authorities (so {@code Role::"viewer"}), or anonymous. */
    static Authentication caller(ContractCase c) {
        if (c.user() == null) {
            return new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(c.user(), "n/a",
                AuthorityUtils.createAuthorityList(c.roles().toArray(String[]::new)));
    }
}
