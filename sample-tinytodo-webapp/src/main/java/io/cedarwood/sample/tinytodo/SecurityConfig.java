package io.cedarwood.sample.tinytodo;

import io.cedarwood.sample.tinytodo.todo.TodoStore;
import io.cedarwood.sample.tinytodo.web.ApiDenials;
import io.cedarwood.sample.tinytodo.web.PageDenials;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Who may do what is Cedar's business alone: every request of the JSON API and of the pages goes through
 * the {@link CedarAuthorizationManager} (its route table is {@link #cedarRoutes()}), and the service layer
 * asks again with {@code @CedarAuthorize}. Spring Security authenticates (form login for the pages, HTTP
 * Basic for the API) and turns denials into 401 (not logged in) or 403 (logged in, but Cedar says no).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /**
     * The Cedar action and resource of each request. The resource of list and task requests is the list
     * named in the path; creating and browsing lists is about the application.
     */
    @Bean
    CedarRoutes cedarRoutes() {
        return CedarRoutes.builder()
                // the JSON API
                .route("GET", "/api/lists", "GetLists", "Application", "TinyTodo")
                .route("POST", "/api/lists", "CreateList", "Application", "TinyTodo")
                .route("GET", "/api/lists/{listId}", "GetList", "List", "{listId}")
                .route("PUT", "/api/lists/{listId}", "UpdateList", "List", "{listId}")
                .route("DELETE", "/api/lists/{listId}", "DeleteList", "List", "{listId}")
                .route("POST", "/api/lists/{listId}/tasks", "CreateTask", "List", "{listId}")
                .route("PUT", "/api/lists/{listId}/tasks/{taskId}", "UpdateTask", "List", "{listId}")
                .route("DELETE", "/api/lists/{listId}/tasks/{taskId}", "DeleteTask", "List", "{listId}")
                .route("PUT", "/api/lists/{listId}/shares/{role}/{kind}/{name}", "EditShare", "List", "{listId}")
                .route("DELETE", "/api/lists/{listId}/shares/{role}/{kind}/{name}", "EditShare", "List", "{listId}")
                // the pages and their forms
                .route("GET", "/", "GetLists", "Application", "TinyTodo")
                .route("POST", "/lists", "CreateList", "Application", "TinyTodo")
                .route("GET", "/lists/{listId}", "GetList", "List", "{listId}")
                .route("POST", "/lists/{listId}/name", "UpdateList", "List", "{listId}")
                .route("POST", "/lists/{listId}/delete", "DeleteList", "List", "{listId}")
                .route("POST", "/lists/{listId}/tasks", "CreateTask", "List", "{listId}")
                .route("POST", "/lists/{listId}/tasks/{taskId}/toggle", "UpdateTask", "List", "{listId}")
                .route("POST", "/lists/{listId}/tasks/{taskId}/delete", "DeleteTask", "List", "{listId}")
                .route("POST", "/lists/{listId}/shares", "EditShare", "List", "{listId}")
                .route("POST", "/lists/{listId}/shares/remove", "EditShare", "List", "{listId}")
                .build();
    }

    /** The JSON API: HTTP Basic, no session, no CSRF token (no cookies to forge a request with). */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CedarAuthorizationManager cedar, ApiDenials denials)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().access(cedar))
                .httpBasic(b -> b.authenticationEntryPoint(denials))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials));
        return http.build();
    }

    /** The pages: form login, CSRF tokens in every form (Thymeleaf adds them). */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, CedarAuthorizationManager cedar, PageDenials denials)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        // the "not allowed" and error pages, which a denial or an error forwards to
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/**", "/favicon.svg").permitAll()
                        .anyRequest().access(cedar))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(denials));
        return http.build();
    }

    /** The users of the database; no roles: what they may do is Cedar's to say. */
    @Bean
    UserDetailsService userDetailsService(TodoStore store) {
        return name -> store.passwordHash(name)
                .map(hash -> User.withUsername(name).password(hash).authorities(List.of()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no user `" + name + "`"));
    }

    /** Reads the stored {@code {bcrypt}...} hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
