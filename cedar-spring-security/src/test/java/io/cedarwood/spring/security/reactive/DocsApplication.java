package io.cedarwood.spring.security.reactive;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.spring.security.method.CedarAuthorize;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebFlux application on the contract's policies, schema and entities: {@code /docs/{docId}} decided by
 * the route table of {@code cedar.http.routes}, {@code /service/...} by {@code @CedarAuthorize} on reactive
 * methods. The entity provider records the threads it is called on.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableReactiveMethodSecurity
@Import({DocsApplication.Docs.class, DocsApplication.DocService.class})
class DocsApplication {
    static final String PASSWORD = "secret-password";
    static final Set<String> PROVIDER_THREADS = ConcurrentHashMap.newKeySet();

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CedarReactiveAuthorizationManager cedar) {
        return http.authorizeExchange(e -> e
                        .pathMatchers("/service/**").authenticated()
                        .anyExchange().access(cedar))
                .httpBasic(Customizer.withDefaults())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(
                user("alice", "viewer"), user("bob"), user("carol"), user("erin", "viewer", "admin"));
    }

    private static org.springframework.security.core.userdetails.UserDetails user(String name, String... roles) {
        return User.withUsername(name).password("{noop}" + PASSWORD).authorities(roles).build();
    }

    @Bean
    PolicyStore cedarPolicyStore() {
        return ContractService.store();
    }

    @Bean
    EntityProvider cedarEntities() {
        EntityProvider entities = EnforcementContract.entities();
        return uid -> {
            PROVIDER_THREADS.add(Thread.currentThread().getName());
            return entities.entity(uid);
        };
    }

    @RestController
    static class Docs {
        private final DocService service;

        Docs(DocService service) {
            this.service = service;
        }

        @GetMapping("/docs/{docId}")
        Mono<String> view(@PathVariable String docId) {
            return Mono.just("viewed " + docId);
        }

        @PutMapping("/docs/{docId}")
        Mono<String> edit(@PathVariable String docId) {
            return Mono.just("edited " + docId);
        }

        @DeleteMapping("/docs/{docId}")
        Mono<String> delete(@PathVariable String docId) {
            return Mono.just("deleted " + docId);
        }

        @GetMapping("/docs")
        Mono<String> list() {
            return Mono.just("no route");
        }

        @PutMapping("/service/docs/{docId}")
        Mono<String> editThroughTheService(@PathVariable String docId) {
            return service.edit(docId);
        }

        @GetMapping("/service/docs/{docId}/lines")
        Flux<String> lines(@PathVariable String docId) {
            return service.lines(docId);
        }
    }

    @Service
    static class DocService {
        @CedarAuthorize(action = "edit", resourceType = "Doc", resource = "#docId")
        public Mono<String> edit(String docId) {
            return Mono.just("edited " + docId + " by the service");
        }

        @CedarAuthorize(action = "view", resourceType = "Doc", resource = "#docId")
        public Flux<String> lines(String docId) {
            return Flux.just("one\n", "two\n");
        }
    }
}
