package io.cedarwood.spring.security.readme;

import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.reactive.CedarReactiveAuthorizationManager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The README's "WebFlux" code as it is shown, so that it keeps compiling (it runs in the reactive package's tests). */
class ReadmeWebFluxExamples {

    @Configuration
    static class ReactiveSecurityConfig {

        @Bean
        SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CedarReactiveAuthorizationManager cedar) {
            return http.authorizeExchange(e -> e
                            .pathMatchers("/", "/assets/**").permitAll()
                            .anyExchange().access(cedar))                 // the route table
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }
    }

    static void perMatcher(ServerHttpSecurity http, CedarReactiveAuthorizationManager cedar) {
        http.authorizeExchange(e -> e
                .pathMatchers(HttpMethod.GET, "/api/lists/{listId}").access(cedar.to("GetList", "List", "{listId}")));
    }

    interface TodoList {
    }

    @Service
    public static class ReactiveListService {

        @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
        public Mono<TodoList> getList(String listId) {
            return Mono.empty();
        }
    }
}
