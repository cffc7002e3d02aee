package io.cedarwood.spring.security.todo;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The to-do application through MockMvc: request and method authorization, events, metrics. */
@SpringBootTest(classes = TodoApplication.class)
@ActiveProfiles("todo")
class TodoMockMvcTest {
    @Autowired
    WebApplicationContext context;
    @Autowired
    EventRecorder events;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PermissionService permissions;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        events.clear();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, TodoApplication.PASSWORD));
    }

    /** The engine read the entities with Jackson 2; the response is written by Boot's Jackson (3 on Boot 4). */
    @Test
    void ownerMayGetTheirListAsJson() throws Exception {
        MvcResult result = mvc.perform(as("alice", get("/api/lists/1"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("\"id\":\"1\"");
    }

    @Test
    void teamMemberMayGetThroughTheActionGroupOfTheSchema() throws Exception {
        assertThat(status(as("bob", get("/api/lists/1")))).isEqualTo(200);
    }

    @Test
    void otherUserIsForbidden() throws Exception {
        assertThat(status(as("carol", get("/api/lists/1")))).isEqualTo(403);
    }

    @Test
    void unauthenticatedGoesToTheEntryPoint() throws Exception {
        MvcResult result = mvc.perform(get("/api/lists/1")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void forbidWinsAndTheDeniedHandlerSeesTheDeterminingPolicy() throws Exception {
        MvcResult result = mvc.perform(as("alice", delete("/api/lists/2"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getHeader("X-Cedar-Reason")).isEqualTo("archived");
        assertThat(status(as("alice", delete("/api/lists/1")))).isEqualTo(200);
    }

    @Test
    void roleFromGrantedAuthorityIsAParentOfThePrincipal() throws Exception {
        assertThat(status(as("admin", delete("/api/lists/1")))).isEqualTo(200);
        assertThat(status(as("admin", delete("/api/lists/2")))).isEqualTo(403);
    }

    @Test
    void contextHasTheClientIp() throws Exception {
        MockHttpServletRequestBuilder remote = as("alice", get("/api/lists/1")).with(r -> {
            r.setRemoteAddr("10.1.2.3");
            return r;
        });
        MvcResult result = mvc.perform(remote).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getHeader("X-Cedar-Reason")).isEqualTo("loopback-only");
    }

    @Test
    void requestWithoutRouteIsDenied() throws Exception {
        assertThat(status(as("admin", get("/api/unrouted")))).isEqualTo(403);
        CedarAuthorizationDecision d = lastDenial();
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("no route"));
    }

    @Test
    void constantResourceRoute() throws Exception {
        assertThat(status(as("carol", post("/api/lists")))).isEqualTo(200);
    }

    @Test
    void perMatcherManagerUsesTheMatchersVariables() throws Exception {
        assertThat(status(as("bob", get("/matcher/lists/1")))).isEqualTo(200);
        assertThat(status(as("carol", get("/matcher/lists/1")))).isEqualTo(403);
    }

    @Test
    void publicPathIsNotCedars() throws Exception {
        assertThat(status(get("/public"))).isEqualTo(200);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void methodSecurityByClassAnnotation() throws Exception {
        assertThat(status(as("bob", get("/svc/lists/1")))).isEqualTo(200);
        assertThat(status(as("carol", get("/svc/lists/1")))).isEqualTo(403);
        assertThat(lastDenial().source()).isEqualTo(Source.METHOD);
    }

    @Test
    void methodSecurityByMethodAnnotationOverridesTheClasses() throws Exception {
        assertThat(status(as("alice", delete("/svc/lists/1")))).isEqualTo(200);
        assertThat(status(as("bob", delete("/svc/lists/1")))).isEqualTo(403);
        assertThat(status(as("alice", delete("/svc/lists/2")))).isEqualTo(403);
        assertThat(lastDenial().diagnostics().reason()).containsExactly(PolicyId.of("archived"));
    }

    @Test
    void postAuthorizeChecksTheReturnedObject() throws Exception {
        assertThat(status(as("alice", get("/svc/found/1")))).isEqualTo(200);
        assertThat(status(as("carol", get("/svc/found/1")))).isEqualTo(403);
        assertThat(lastDenial().request()).hasValueSatisfying(r -> assertThat(r.resource().id()).isEqualTo("1"));
    }

    @Test
    void hasPermissionRoutesToCedar() throws Exception {
        assertThat(status(as("alice", put("/svc/lists/1")))).isEqualTo(200);
        assertThat(status(as("bob", put("/svc/lists/1")))).isEqualTo(403);
        assertThat(status(as("admin", put("/svc/lists/1")))).isEqualTo(200);
    }

    @Test
    void hasPermissionWithADomainObjectUsesTheResourceResolver() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bob", "n/a", AuthorityUtils.createAuthorityList("ROLE_USER")));
        try {
            assertThat(permissions.read(new TodoList("1", "x"))).isEqualTo("read 1");
            assertThatThrownBy(() -> permissions.read(new TodoList("9", "x")))
                    .isInstanceOf(AuthorizationDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void deniedDecisionsArePublishedWithTheDiagnostics() throws Exception {
        status(as("alice", delete("/api/lists/2")));
        List<AuthorizationEvent> denied = events.events().stream()
                .filter(e -> e instanceof AuthorizationDeniedEvent).toList();
        assertThat(denied).hasSize(1);
        CedarAuthorizationDecision d = (CedarAuthorizationDecision) denied.get(0).getAuthorizationResult();
        assertThat(d.cedarDecision()).isEqualTo(Decision.DENY);
        assertThat(d.diagnostics().reason()).containsExactly(PolicyId.of("archived"));
        assertThat(d.request()).hasValueSatisfying(r -> {
            assertThat(r.principal().toString()).isEqualTo("User::\"alice\"");
            assertThat(r.context().get("method").toCedar()).isEqualTo("\"DELETE\"");
            assertThat(r.context().get("path").toCedar()).isEqualTo("\"/api/lists/2\"");
        });
    }

    @Test
    void grantedCedarDecisionsArePublishedWhenSwitchedOn() throws Exception {
        status(as("alice", get("/api/lists/1")));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(AuthorizationGrantedEvent.class);
            assertThat(((CedarAuthorizationDecision) e.getAuthorizationResult()).diagnostics().reason())
                    .containsExactly(PolicyId.of("owner"));
        });
    }

    @Test
    void metricsCountDecisionsBySourceAndDecision() throws Exception {
        double allowedBefore = count("http", "allow", "true");
        double deniedBefore = count("http", "deny", "false");
        status(as("alice", get("/api/lists/1")));
        status(as("carol", get("/api/lists/1")));
        status(as("carol", get("/api/lists/1")));
        assertThat(count("http", "allow", "true") - allowedBefore).isEqualTo(1.0);
        assertThat(count("http", "deny", "false") - deniedBefore).isEqualTo(2.0);
        assertThat(meters.get("cedar.authorization").tags("source", "http", "decision", "deny").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    private double count(String source, String decision, String granted) {
        var counter = meters.find("cedar.authorization.decisions")
                .tags("source", source, "decision", decision, "granted", granted).counter();
        return counter == null ? 0 : counter.count();
    }

    private CedarAuthorizationDecision lastDenial() {
        List<AuthorizationEvent> denied = events.events().stream()
                .filter(e -> e instanceof AuthorizationDeniedEvent).toList();
        assertThat(denied).isNotEmpty();
        return (CedarAuthorizationDecision) denied.get(denied.size() - 1).getAuthorizationResult();
    }
}
