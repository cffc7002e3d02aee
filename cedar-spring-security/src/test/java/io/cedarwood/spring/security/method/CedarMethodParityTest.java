package io.cedarwood.spring.security.method;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Context entries from arguments, and {@code @HandleAuthorizationDenied} with Cedar's denials. */
class CedarMethodParityTest {
    private static final String POLICIES = """
            permit(principal == User::"alice", action == Action::"transfer", resource)
            when { context.amount < 100 && context.currency == "EUR" && context.note == "rent" };
            permit(principal == User::"alice", action == Action::"read", resource == Doc::"1");
            permit(principal, action == Action::"tag", resource)
            when { !(context has tag) };
            """;

    record Account(String id, String currency) {
    }

    static class Bank {
        @CedarAuthorize(action = "transfer", resourceType = "Account", resource = "#from.id",
                context = {"amount", "currency=#from.currency", "note = reason"})
        public String transfer(Account from, long amount, String reason) {
            return "sent " + amount;
        }

        @CedarAuthorize(action = "tag", resourceType = "Doc", resource = "'1'", context = "tag")
        public String tag(String tag) {
            return "tagged";
        }

        @CedarAuthorize(action = "tag", resourceType = "Doc", resource = "'1'", context = "tag=nosuch")
        public String misnamed(String tag) {
            return "never";
        }

        @CedarAuthorize(action = "read", resourceType = "Doc", resource = "#id")
        @HandleAuthorizationDenied(handlerClass = Masking.class)
        public String read(String id) {
            return "secret " + id;
        }

        @CedarPostAuthorize(action = "read", resourceType = "Doc", resource = "#returnObject")
        @HandleAuthorizationDenied(handlerClass = Recording.class)
        public String find(String id) {
            return id;
        }
    }

    /** Not a bean: instantiated, as Spring Security does for {@code @PreAuthorize}. */
    public static class Masking implements MethodAuthorizationDeniedHandler {
        @Override
        public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
            CedarAuthorizationDecision d = (CedarAuthorizationDecision) result;
            return "masked " + d.request().orElseThrow().resource().id();
        }
    }

    /** A bean: the one of its class is used. */
    static class Recording implements MethodAuthorizationDeniedHandler {
        final List<AuthorizationResult> seen = new ArrayList<>();

        @Override
        public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
            throw new AssertionError("a post-authorization denial is handled as a result");
        }

        @Override
        public Object handleDeniedInvocationResult(MethodInvocationResult result, AuthorizationResult denial) {
            seen.add(denial);
            return "hidden";
        }
    }

    private final Recording recording = new Recording();
    private Bank bank;

    @BeforeEach
    void setUp() {
        CedarAuthorizationService service = CedarAuthorizationService.builder(
                PolicyStore.of(PolicyBundle.of(PolicySet.parse(POLICIES)))).build();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("recording", recording);
        ProxyFactory factory = new ProxyFactory(new Bank());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new CedarMethodAuthorizationManager(service, CedarResourceResolver.uidsOnly(), beans).interceptor());
        factory.addAdvisor(new CedarPostMethodAuthorizationManager(service, CedarResourceResolver.uidsOnly(), beans).interceptor());
        bank = (Bank) factory.getProxy();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
                AuthorityUtils.NO_AUTHORITIES));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static CedarAuthorizationDecision denial(Runnable call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(AuthorizationDeniedException.class);
        return (CedarAuthorizationDecision) ((AuthorizationDeniedException) t).getAuthorizationResult();
    }

    @Test
    void contextEntriesComeFromArgumentsByNameKeyAndExpression() {
        assertThat(bank.transfer(new Account("a1", "EUR"), 50, "rent")).isEqualTo("sent 50");
        CedarAuthorizationDecision d = denial(() -> bank.transfer(new Account("a1", "USD"), 50, "rent"));
        assertThat(d.request()).hasValueSatisfying(r -> {
            assertThat(r.context().get("amount")).isEqualTo(new LongValue(50));
            assertThat(r.context().get("currency")).isEqualTo(StringValue.of("USD"));
            assertThat(r.context().get("note")).isEqualTo(StringValue.of("rent"));
            assertThat(r.context().get("time")).isNotNull();
        });
        denial(() -> bank.transfer(new Account("a1", "EUR"), 100, "rent"));
        denial(() -> bank.transfer(new Account("a1", "EUR"), 50, "gift"));
    }

    @Test
    void aNullArgumentLeavesTheKeyOut() {
        assertThat(bank.tag(null)).isEqualTo("tagged");
        denial(() -> bank.tag("x"));
    }

    @Test
    void anEntryNamingNoParameterFailsClosed() {
        CedarAuthorizationDecision d = denial(() -> bank.misnamed(null));
        assertThat(d.failure()).hasValueSatisfying(f -> assertThat(f).contains("has no parameter `nosuch`"));
    }

    @Test
    void aDenialGoesToTheMethodsHandlerWithTheCedarDecision() {
        assertThat(bank.read("1")).isEqualTo("secret 1");
        assertThat(bank.read("2")).isEqualTo("masked 2");
    }

    @Test
    void aPostAuthorizationDenialGoesToTheHandlerBean() {
        assertThat(bank.find("1")).isEqualTo("1");
        assertThat(recording.seen).isEmpty();
        assertThat(bank.find("2")).isEqualTo("hidden");
        assertThat(recording.seen).singleElement().isInstanceOfSatisfying(CedarAuthorizationDecision.class,
                d -> assertThat(d.request().orElseThrow().resource()).isEqualTo(EntityUid.of("Doc", "2")));
    }
}
