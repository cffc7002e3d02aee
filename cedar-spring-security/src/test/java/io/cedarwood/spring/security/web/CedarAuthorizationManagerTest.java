package io.cedarwood.spring.security.web;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Map;

import static io.cedarwood.spring.security.Decisions.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarAuthorizationManagerTest {
    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.NO_AUTHORITIES);

    private final CedarAuthorizationService service = CedarAuthorizationService.builder(PolicyStore.of(PolicyBundle.of(
            PolicySet.parse("permit(principal == User::\"alice\", action == Action::\"GetList\", resource == List::\"1\");"))))
            .build();
    private final CedarAuthorizationManager manager = new CedarAuthorizationManager(service,
            CedarRoutes.builder().route("GET", "/lists/{id}", "GetList", "List", "{id}").build());

    private static RequestAuthorizationContext get(String uri) {
        return new RequestAuthorizationContext(new MockHttpServletRequest("GET", uri));
    }

    @Test
    void cedarDecidesRoutedRequests() {
        assertThat(decide(manager, ALICE, get("/lists/1")).isGranted()).isTrue();
        CedarAuthorizationDecision denied = decide(manager, ALICE, get("/lists/2"));
        assertThat(denied.isGranted()).isFalse();
        assertThat(denied.request()).hasValueSatisfying(r -> assertThat(r.resource().id()).isEqualTo("2"));
    }

    @Test
    @SuppressWarnings("deprecation") // compiled against Spring Security 6.5 too, where check is the interface's, deprecated
    void theMethodSpringSecurity65CallsDecidesTheSame() {
        assertThat(manager.check(() -> ALICE, get("/lists/1")).isGranted()).isTrue();
        assertThat(manager.check(() -> ALICE, new MockHttpServletRequest("GET", "/lists/1")).isGranted()).isTrue();
        assertThat(manager.check(() -> ALICE, get("/lists/2"))).isInstanceOf(CedarAuthorizationDecision.class)
                .extracting(d -> d.isGranted()).isEqualTo(false);
    }

    @Test
    void aResolverThatThrowsIsADenial() {
        CedarAuthorizationManager broken = new CedarAuthorizationManager(service, context -> {
            throw new IllegalStateException("bug");
        });
        CedarAuthorizationDecision d = decide(broken, ALICE, get("/lists/1"));
        assertThat(d.isGranted()).isFalse();
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("bug"));
    }

    @Test
    void missingAuthenticationIsLeftToSpringSecurity() {
        assertThatThrownBy(() -> manager.authorize(() -> {
            throw new AuthenticationCredentialsNotFoundException("none");
        }, get("/lists/1"))).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void perMatcherManagerTakesTheMatchersVariables() {
        CedarAuthorizationManager perMatcher = manager.to("GetList", "List", "{listId}");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
        assertThat(decide(perMatcher, ALICE, new RequestAuthorizationContext(request, Map.of("listId", "1"))).isGranted()).isTrue();
        CedarAuthorizationDecision missing = decide(perMatcher, ALICE, new RequestAuthorizationContext(request, Map.of()));
        assertThat(missing.isGranted()).isFalse();
        assertThat(missing.failure()).hasValueSatisfying(f -> assertThat(f).contains("path variable `listId`"));
    }
}
