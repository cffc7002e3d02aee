package io.cedarwood.spring.security.method;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarMethodAuthorizationManagerTest {
    private static final String POLICIES = """
            permit(principal == User::"alice", action == Action::"read", resource)
            when { [Doc::"1", Doc::"alice-notes"].contains(resource) };
            permit(principal == User::"alice", action == Action::"delete", resource == Doc::"1");
            permit(principal == User::"alice", action == Action::"open", resource == Folder::"home");
            """;

    record Doc(String id) {
    }

    @CedarAuthorize(action = "read", resourceType = "Doc", resource = "#id")
    static class Docs {
        public String read(String id) {
            return "read " + id;
        }

        @CedarAuthorize(action = "delete", resourceType = "Doc", resource = "#p0")
        public String delete(String id) {
            return "deleted " + id;
        }

        @CedarAuthorize(action = "read", resourceType = "Doc", resource = "authentication.name + '-notes'")
        public String notes() {
            return "notes";
        }

        @CedarAuthorize(action = "open", resource = "#folder")
        public String open(EntityUid folder) {
            return "opened";
        }

        @CedarAuthorize(action = "read", resource = "#doc")
        public String readDoc(Doc doc) {
            return "read " + doc.id();
        }

        @CedarAuthorize(action = "read", resource = "#doc")
        public String unresolvable(Object doc) {
            return "never";
        }

        @CedarPostAuthorize(action = "read", resourceType = "Doc", resource = "#returnObject.id")
        public Doc find(String id) {
            return new Doc(id);
        }
    }

    private Docs docs;

    @BeforeEach
    void setUp() {
        CedarAuthorizationService service = CedarAuthorizationService.builder(
                PolicyStore.of(PolicyBundle.of(PolicySet.parse(POLICIES)))).build();
        CedarResourceResolver resolver = o -> o instanceof Doc d ? EntityUid.of("Doc", d.id()) : null;
        ProxyFactory factory = new ProxyFactory(new Docs());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarMethodAuthorizationManager(service, resolver, null).interceptor());
        factory.addAdvisor(new CedarPostMethodAuthorizationManager(service, resolver, null).interceptor());
        docs = (Docs) factory.getProxy();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
                AuthorityUtils.NO_AUTHORITIES));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static CedarAuthorizationDecision denial(Runnable call) {
        AuthorizationDeniedException e = (AuthorizationDeniedException) org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(e).isNotNull();
        return (CedarAuthorizationDecision) e.getAuthorizationResult();
    }

    @Test
    void theClassAnnotationAppliesToMethodsWithoutTheirOwn() {
        assertThat(docs.read("1")).isEqualTo("read 1");
        assertThat(denial(() -> docs.read("2")).request()).hasValueSatisfying(r -> {
            assertThat(r.action()).isEqualTo(EntityUid.of("Action", "read"));
            assertThat(r.resource()).isEqualTo(EntityUid.of("Doc", "2"));
        });
    }

    @Test
    void aMethodAnnotationOverridesTheClasses() {
        assertThat(docs.delete("1")).isEqualTo("deleted 1");
        assertThatThrownBy(() -> docs.delete("2")).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void expressionsSeeTheAuthentication() {
        assertThat(docs.notes()).isEqualTo("notes");
    }

    @Test
    void withoutAResourceTypeTheExpressionGivesTheResource() {
        assertThat(docs.open(EntityUid.of("Folder", "home"))).isEqualTo("opened");
        assertThat(docs.readDoc(new Doc("1"))).isEqualTo("read 1");
        assertThatThrownBy(() -> docs.readDoc(new Doc("2"))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void anObjectWithoutUidFailsClosed() {
        CedarAuthorizationDecision d = denial(() -> docs.unresolvable("text"));
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("gave no entity uid"));
    }

    @Test
    void postAuthorizeLooksAtTheReturnedObject() {
        assertThat(docs.find("1").id()).isEqualTo("1");
        assertThat(denial(() -> docs.find("3")).request()).hasValueSatisfying(
                r -> assertThat(r.resource()).isEqualTo(EntityUid.of("Doc", "3")));
    }

    @Test
    void withoutAuthenticationTheCallIsDenied() {
        SecurityContextHolder.getContext().setAuthentication(null);
        assertThatThrownBy(() -> docs.read("1")).isInstanceOf(RuntimeException.class);
    }
}
