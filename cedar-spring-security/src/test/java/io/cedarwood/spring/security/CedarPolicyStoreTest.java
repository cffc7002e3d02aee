package io.cedarwood.spring.security;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.value.EntityUid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarPolicyStoreTest {
    private static final Request REQUEST = new Request(EntityUid.of("User", "a"), EntityUid.of("Action", "view"),
            EntityUid.of("Doc", "d"));

    @TempDir
    Path dir;

    private static boolean allows(CedarPolicies policies) {
        return new Authorizer().isAuthorized(REQUEST, policies.policies(), Entities.EMPTY).isAllowed();
    }

    private CedarPolicyStore storeOf(Path file) {
        return CedarPolicyStore.load(CedarPolicyLoader.builder().policies(file.toUri().toString()).build());
    }

    @Test
    void reloadPutsChangedPoliciesInUseAndIgnoresUnchangedOnes() throws IOException {
        Path file = dir.resolve("p.cedar");
        Files.writeString(file, "forbid(principal, action, resource);");
        CedarPolicyStore store = storeOf(file);
        CedarPolicies first = store.current();
        assertThat(store.reload()).isFalse();
        assertThat(store.current()).isSameAs(first);

        Files.writeString(file, "permit(principal, action, resource);");
        assertThat(store.reload()).isTrue();
        assertThat(allows(store.current())).isTrue();
    }

    @Test
    void aDecisionInFlightKeepsTheVersionItStartedWith() throws IOException {
        Path file = dir.resolve("p.cedar");
        Files.writeString(file, "permit(principal, action, resource);");
        CedarPolicyStore store = storeOf(file);
        CedarPolicies inFlight = store.current();
        Files.writeString(file, "forbid(principal, action, resource);");
        store.reload();
        assertThat(allows(inFlight)).isTrue();
        assertThat(allows(store.current())).isFalse();
    }

    @Test
    void policiesThatDoNotLoadLeaveThoseInUseAndAreNotTriedAgainUntilChanged() throws IOException {
        Path file = dir.resolve("p.cedar");
        Files.writeString(file, "permit(principal, action, resource);");
        CedarPolicyStore store = storeOf(file);
        CedarPolicies good = store.current();

        Files.writeString(file, "permit(principal, action, resource");
        assertThatThrownBy(store::reload).isInstanceOf(CedarPolicyLoadException.class);
        assertThat(store.current()).isSameAs(good);
        assertThat(store.reload()).as("the same broken files again").isFalse();

        Files.writeString(file, "forbid(principal, action, resource);");
        assertThat(store.reload()).isTrue();
        assertThat(allows(store.current())).isFalse();
    }

    @Test
    void aStoreFedByTheApplicationIsReplacedNotReloaded() {
        CedarPolicyStore store = CedarPolicyStore.of(CedarPolicies.of(PolicySet.parse("forbid(principal, action, resource);")));
        assertThatThrownBy(store::reload).isInstanceOf(IllegalStateException.class);
        store.replace(CedarPolicies.of(PolicySet.parse("permit(principal, action, resource);")));
        assertThat(allows(store.current())).isTrue();
    }
}
