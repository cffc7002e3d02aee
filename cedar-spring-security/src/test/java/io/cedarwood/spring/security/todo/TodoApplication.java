package io.cedarwood.spring.security.todo;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.method.CedarResourceResolver;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application of the Boot tests: lists owned by users, read by teams. The policies, schema and
 * entities are in {@code src/test/resources/cedar}.
 */
@SpringBootApplication
@EnableMethodSecurity
public class TodoApplication {

    /** Every user's password. */
    public static final String PASSWORD = "pw";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/public").permitAll()
                        .requestMatchers("/api/**").access(cedar)
                        .requestMatchers(HttpMethod.GET, "/matcher/lists/{listId}").access(cedar.to("GetList", "List", "{listId}"))
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    // what a denied handler can do with Cedar's diagnostics
                    if (denied instanceof AuthorizationDeniedException d
                            && d.getAuthorizationResult() instanceof CedarAuthorizationDecision cedarDecision) {
                        response.setHeader("X-Cedar-Reason", String.join(",",
                                cedarDecision.diagnostics().reason().stream().map(Object::toString).toList()));
                    }
                    response.sendError(403);
                }));
        return http.build();
    }

    @Bean
    CedarRoutes cedarRoutes() {
        return CedarRoutes.builder()
                .route("GET", "/api/lists/{listId}", "GetList", "List", "{listId}")
                .route("DELETE", "/api/lists/{listId}", "DeleteList", "List", "{listId}")
                .route("POST", "/api/lists", "CreateList", "Application", "todo")
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password(PASSWORD).roles("USER").build(),
                User.withUsername("bob").password(PASSWORD).roles("USER").build(),
                User.withUsername("carol").password(PASSWORD).roles("USER").build(),
                User.withUsername("admin").password(PASSWORD).roles("USER", "ADMIN").build());
    }

    /** Plain text passwords: test users only (and no slow hashing per request). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw.toString().equals(encoded);
            }
        };
    }

    @Bean
    CedarResourceResolver todoResources() {
        return o -> o instanceof TodoList list ? EntityUid.of("List", list.id()) : null;
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    EventRecorder eventRecorder() {
        return new EventRecorder();
    }
}
