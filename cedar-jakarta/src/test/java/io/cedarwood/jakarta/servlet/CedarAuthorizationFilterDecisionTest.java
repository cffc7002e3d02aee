package io.cedarwood.jakarta.servlet;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.RequestPaths;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CedarAuthorizationFilterDecisionTest {
    private static final PolicySet POLICIES = PolicySet.parse("""
            permit(principal == User::"alice", action == Action::"Read", resource == Doc::"1")
              when { context.clientIp.isInRange(ip("10.0.0.0/8")) && context.secure && context.method == "GET"
                     && context.path == "/docs/1" && context.time > datetime("2020-01-01") && context.tenant == "acme" };
            permit(principal in Role::"admin", action == Action::"Request", resource is Path);
            """);
    private final FakeHttp http = new FakeHttp();
    private final AtomicInteger chained = new AtomicInteger();
    private final FilterChain chain = (req, res) -> chained.incrementAndGet();

    private CedarAuthorizationFilter filter(CedarFilterSettings.Builder settings) {
        return new CedarAuthorizationFilter(settings.build());
    }

    private CedarFilterSettings.Builder settings() {
        CedarAuthorization auth = CedarAuthorization.builder().policies(POLICIES)
                .principalMapper(CedarPrincipalMapper.byName("User", "Role", List.of("admin"))).build();
        return CedarFilterSettings.builder(auth, RouteTable.parse("GET /docs/{id} Action::\"Read\" Doc::\"{id}\"", PathPatterns.segments()))
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .contributor((context, request) -> context.put("tenant", StringValue.of("acme")));
    }

    @Test
    void doFilterWhenContextSatisfiesPolicyThenChainRuns() throws Exception {
        filter(settings()).doFilter(http.request("GET", "", "/docs/1", "/app/docs/1", "alice"), http.response(), chain);
        assertThat(chained).hasValue(1);
        assertThat(((EnforcementDecision) http.attributes.get(CedarAuthorizationFilter.DECISION_ATTRIBUTE)).isGranted()).isTrue();
    }

    @Test
    void doFilterWhenDeniedThen403AndChainNeverRuns() throws Exception {
        filter(settings()).doFilter(http.request("GET", "", "/docs/2", "/app/docs/2", "alice"), http.response(), chain);
        assertThat(chained).hasValue(0);
        assertThat(http.status).isEqualTo(403);
    }

    @Test
    void doFilterWhenContributorThrowsThenDeniedNot500() throws Exception {
        filter(settings().contributor((context, request) -> {
            throw new IllegalStateException("tenant lookup failed");
        })).doFilter(http.request("GET", "", "/docs/1", "/app/docs/1", "alice"), http.response(), chain);
        assertThat(chained).hasValue(0);
        assertThat(http.status).isEqualTo(403);
        assertThat(((EnforcementDecision) http.attributes.get(CedarAuthorizationFilter.DECISION_ATTRIBUTE)).failure())
                .hasValueSatisfying(f -> assertThat(f).contains("tenant lookup failed"));
    }

    @Test
    void doFilterWhenUnauthenticatedThenChallengeOrRedirect() throws Exception {
        filter(settings().challenge("Bearer")).doFilter(http.request("GET", "", "/docs/1", "/app/docs/1", null), http.response(), chain);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.headers).containsEntry("WWW-Authenticate", "Bearer");

        FakeHttp other = new FakeHttp();
        filter(settings().redirectTo("/login")).doFilter(other.request("GET", "", "/docs/1", "/app/docs/1", null), other.response(), chain);
        assertThat(other.status).isEqualTo(302);
        assertThat(other.redirect).isEqualTo("/app/login");
        assertThat(chained).hasValue(0);
    }

    @Test
    void doFilterWhenUnmatchedThenDeniedOrGenericAction() throws Exception {
        filter(settings()).doFilter(http.request("GET", "", "/other", "/app/other", "andrew"), http.response(), chain);
        assertThat(http.status).isEqualTo(403);
        assertThat(chained).hasValue(0);

        FakeHttp other = new FakeHttp();
        filter(settings().unmatched(EntityUid.of("Action", "Request"), "Path"))
                .doFilter(other.request("GET", "", "/other", "/app/other", "andrew"), other.response(), chain);
        assertThat(chained).hasValue(1);
        EnforcementDecision d = (EnforcementDecision) other.attributes.get(CedarAuthorizationFilter.DECISION_ATTRIBUTE);
        assertThat(d.resource()).contains(EntityUid.of("Path", "/other"));
    }

    @Test
    void doFilterWhenNoRouteThenTheFailureNamesMethodAndPath() throws Exception {
        filter(settings()).doFilter(http.request("DELETE", "", "/docs/1", "/app/docs/1", "alice"), http.response(), chain);
        assertThat(((EnforcementDecision) http.attributes.get(CedarAuthorizationFilter.DECISION_ATTRIBUTE)).failure())
                .contains("no route for `DELETE /docs/1`");
    }

    @Test
    void doFilterWhenPermissiveThenCedarsDenialPassesButIsNotEnforced() throws Exception {
        CedarAuthorization auth = CedarAuthorization.builder().policies(POLICIES)
                .mode(io.cedarwood.enforcement.EnforcementMode.PERMISSIVE).build();
        List<EnforcementDecision> heard = new java.util.ArrayList<>();
        CedarAuthorization listened = CedarAuthorization.builder().policies(POLICIES)
                .mode(io.cedarwood.enforcement.EnforcementMode.PERMISSIVE).listener((d, nanos) -> heard.add(d)).build();
        for (CedarAuthorization a : List.of(auth, listened)) {
            new CedarAuthorizationFilter(CedarFilterSettings.builder(a,
                    RouteTable.parse("GET /docs/{id} Action::\"Read\" Doc::\"{id}\"", PathPatterns.segments())).build())
                    .doFilter(http.request("GET", "", "/docs/2", "/app/docs/2", "alice"), http.response(), chain);
        }
        assertThat(chained).hasValue(2);
        assertThat(heard).singleElement().satisfies(d -> assertThat(d.isEnforced()).isFalse());
    }

    @Test
    void doFilterWhenPathAmbiguousThen400() throws Exception {
        filter(settings()).doFilter(http.request("GET", "", "/docs/1;x=y", "/app/docs/1;x=y", "alice"), http.response(), chain);
        assertThat(http.status).isEqualTo(400);
        assertThat(chained).hasValue(0);
    }

    @Test
    void dispatchedPathIsServletPathPlusPathInfoAndRejectsWhatIsAmbiguous() throws IOException {
        assertThat(path("", "/lists/1", "/app/lists/1")).isEqualTo("/lists/1");
        assertThat(path("/lists/1", null, "/app/lists/1")).isEqualTo("/lists/1");
        assertThat(path("/api", "/lists/1", "/app/api/lists/1")).isEqualTo("/api/lists/1");
        assertThat(path("", null, "/app")).isEqualTo("/");
        assertThat(path("", "/lists/1;jsessionid=1", "/app/lists/1;jsessionid=1")).isNull();
        assertThat(path("", "/lists/../1", "/app/lists/../1")).isNull();
        assertThat(path("", "/lists/1/.", "/app/lists/1/.")).isNull();
        assertThat(path("", "/lists//1", "/app/lists//1")).isNull();
        assertThat(path("", "/lists\\1", "/app/lists%5C1")).isNull();
        assertThat(path("", "/lists/1/2", "/app/lists/1%2F2")).isNull();
        assertThat(path("", "/lists/1/2", "/app/lists/1%2f2")).isNull();
        assertThat(path("", "/lists/%41", "/app/lists/%2541")).isNull();
        assertThat(path("", "/lists/\u0000", "/app/lists/%00")).isNull();
        // an encoded ordinary character is fine: the container decoded it
        assertThat(path("", "/lists/1", "/app/lists/%31")).isEqualTo("/lists/1");
    }

    private String path(String servletPath, String pathInfo, String uri) {
        return RequestPaths.unambiguous(CedarAuthorizationFilter.dispatchedPath(http.request("GET", servletPath, pathInfo, uri, null)),
                uri).orElse(null);
    }
}
