package io.cedarwood.spring.security.method;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class CedarPermissionEvaluatorTest {
    private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
            AuthorityUtils.NO_AUTHORITIES);

    private final CedarPermissionEvaluator evaluator = new CedarPermissionEvaluator(
            CedarAuthorizationService.builder(PolicyStore.of(PolicyBundle.of(PolicySet.parse(
                    "permit(principal == User::\"alice\", action == Action::\"GetList\", resource == List::\"7\");")))).build(),
            o -> o instanceof StringBuilder sb ? EntityUid.of("List", sb.toString()) : null);

    @Test
    void idAndTypeName() {
        assertThat(evaluator.hasPermission(ALICE, 7L, "List", "GetList")).isTrue();
        assertThat(evaluator.hasPermission(ALICE, 8L, "List", "GetList")).isFalse();
        assertThat(evaluator.hasPermission(ALICE, 7L, "List", "Action::\"GetList\"")).isTrue();
        assertThat(evaluator.hasPermission(ALICE, 7L, "List", "DeleteList")).isFalse();
    }

    @Test
    void domainObjectsThroughTheResolver() {
        assertThat(evaluator.hasPermission(ALICE, EntityUid.of("List", "7"), "GetList")).isTrue();
        assertThat(evaluator.hasPermission(ALICE, new StringBuilder("7"), "GetList")).isTrue();
        assertThat(evaluator.hasPermission(ALICE, "unknown object", "GetList")).isFalse();
        assertThat(evaluator.hasPermission(ALICE, null, "GetList")).isFalse();
    }

    @Test
    void badInputIsADenial() {
        assertThat(evaluator.hasPermission(ALICE, 7L, "List", null)).isFalse();
        assertThat(evaluator.hasPermission(ALICE, 7L, "List", "Action::\"unclosed")).isFalse();
        assertThat(evaluator.hasPermission(ALICE, null, "List", "GetList")).isFalse();
    }
}
