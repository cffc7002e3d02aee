package io.cedarwood.spring.security.todo;

import io.cedarwood.spring.security.CedarAuthorizationDecision;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Permissive mode: what Cedar denies is allowed and reported; unauthenticated and unmapped requests are not. */
@SpringBootTest(classes = TodoApplication.class, properties = "cedar.enforcement=permissive")
@ActiveProfiles("todo")
class TodoPermissiveTest {
    @Autowired
    WebApplicationContext context;
    @Autowired
    EventRecorder events;
    @Autowired
    MeterRegistry meters;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        events.clear();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void cedarDenialIsAllowedAndReportedAsNotEnforced() throws Exception {
        assertThat(status(get("/api/lists/1").with(httpBasic("carol", TodoApplication.PASSWORD)))).isEqualTo(200);
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(AuthorizationGrantedEvent.class);
            CedarAuthorizationDecision d = (CedarAuthorizationDecision) e.getAuthorizationResult();
            assertThat(d.isGranted()).isTrue();
            assertThat(d.isEnforced()).isFalse();
            assertThat(d.cedarDecision().name()).isEqualTo("DENY");
        });
        assertThat(meters.get("cedar.authorization.decisions")
                .tags("source", "http", "decision", "deny", "granted", "true").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void unauthenticatedIsStillSentToTheEntryPoint() throws Exception {
        assertThat(status(get("/api/lists/1"))).isEqualTo(401);
    }

    @Test
    void requestWithoutRouteIsStillDenied() throws Exception {
        assertThat(status(get("/api/unrouted").with(httpBasic("alice", TodoApplication.PASSWORD)))).isEqualTo(403);
        assertThat(events.events()).singleElement().isInstanceOf(AuthorizationDeniedEvent.class);
    }
}
