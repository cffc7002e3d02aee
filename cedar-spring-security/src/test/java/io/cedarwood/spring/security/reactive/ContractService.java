package io.cedarwood.spring.security.reactive;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyFiles;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarContextFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The contract's policies, schema and entities behind a service; the entity provider records the threads it is called on. */
final class ContractService {
    final Set<String> providerThreads = ConcurrentHashMap.newKeySet();
    final CedarAuthorizationService service;

    ContractService() {
        EntityProvider entities = EnforcementContract.entities();
        EntityProvider recording = uid -> {
            providerThreads.add(Thread.currentThread().getName());
            return entities.entity(uid);
        };
        service = CedarAuthorizationService.builder(store())
                .entities(recording)
                .contexts(new CedarContextFactory(EnforcementContract.CLOCK, List.of()))
                .build();
    }

    static PolicyStore store() {
        return PolicyStore.of(PolicyBundle.of(
                PolicyFiles.policies(List.of(new PolicySource("policies.cedar", EnforcementContract.POLICIES))),
                PolicyFiles.schema(new PolicySource("schema.cedarschema", EnforcementContract.SCHEMA))));
    }

    static Authentication user(String name, String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated(name, "n/a", AuthorityUtils.createAuthorityList(roles));
    }
}
