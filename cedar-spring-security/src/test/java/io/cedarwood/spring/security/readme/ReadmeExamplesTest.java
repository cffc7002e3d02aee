package io.cedarwood.spring.security.readme;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarResourceLocations;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.cedarwood.spring.security.test.CedarAssertions.assertThat;

/** The README's code as it is shown, so that it keeps compiling; the policy test example also runs. */
class ReadmeExamplesTest {

    // "3. The SecurityFilterChain"
    @Configuration
    @EnableMethodSecurity   // only for @PreAuthorize("hasPermission(...)"); @CedarAuthorize works without it
    static class SecurityConfig {

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
            http.authorizeHttpRequests(a -> a
                            .requestMatchers("/", "/assets/**").permitAll()
                            .anyRequest().access(cedar))                  // the route table below
                    .httpBasic(Customizer.withDefaults());
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
    }

    static void perMatcher(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.GET, "/api/lists/{listId}").access(cedar.to("GetList", "List", "{listId}"))
                .anyRequest().denyAll());
    }

    // "4. Entities"
    interface ListRepository {
        Optional<TodoList> findById(String id);
    }

    interface TeamRepository {
        List<String> teamsOf(String user);
    }

    interface TodoList {
        String getOwner();

        String getReaders();

        boolean isArchived();
    }

    @Bean
    EntityProvider cedarEntities(ListRepository lists, TeamRepository teams) {
        return uid -> switch (uid.type().name()) {
            case "List" -> lists.findById(uid.id())
                    .map(l -> new Entity(uid, Map.of(
                            "owner", EntityUid.of("User", l.getOwner()),
                            "readers", EntityUid.of("Team", l.getReaders()),
                            "archived", BoolValue.of(l.isArchived())), Set.of()))
                    .orElse(null);
            case "User" -> new Entity(uid, Map.of(),
                    teams.teamsOf(uid.id()).stream().map(t -> EntityUid.of("Team", t)).collect(Collectors.toSet()));
            default -> null;
        };
    }

    // "Context from arguments"
    static class ListService {
        @CedarAuthorize(action = "UpdateList", resourceType = "List", resource = "#listId",
                context = {"newName=name", "items=#items.size()"})
        public void rename(String listId, String name, List<String> items) { }
    }

    // "Handling a denial in the method"
    static class ReadOnlyLists {
        @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
        @HandleAuthorizationDenied(handlerClass = Redacted.class)
        public String title(String listId) {
            return "...";
        }
    }

    @Component
    static class Redacted implements MethodAuthorizationDeniedHandler {
        @Override
        public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
            if (result instanceof CedarAuthorizationDecision cedar) {
                log.info("denied by {}", cedar.diagnostics().reason());
            }
            return "(hidden)";
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReadmeExamplesTest.class);

    // "OAuth2 resource server: principals from token claims"
    static void resourceServer(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().access(cedar))
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
    }

    // "Decisions, 401 and 403"
    static void deniedHandler(HttpSecurity http, org.slf4j.Logger log) throws Exception {
        http.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
            if (denied instanceof AuthorizationDeniedException d
                    && d.getAuthorizationResult() instanceof CedarAuthorizationDecision cedar) {
                log.info("denied by {}", cedar.diagnostics().reason());
            }
            response.sendError(403);
        }));
    }

    // "Testing policies"
    @Test
    void readersMayReadButNotDelete() throws IOException {
        String json = resource("/cedar/entities.json");
        PolicyBundle policies = PolicyLoader.of(new CedarResourceLocations(List.of("classpath:cedar/policies.cedar"),
                "classpath:cedar/schema.cedarschema"), null, false).load();
        assertThat(policies)
                .withEntities(Entities.of(CedarJson.readEntities(json)))
                .withContext(Map.of("clientIp", IpAddrValue.parse("127.0.0.1")))
                .allows("User::\"bob\"", "GetList", "List::\"1\"").because("readers")
                .denies("User::\"bob\"", "DeleteList", "List::\"1\"");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
