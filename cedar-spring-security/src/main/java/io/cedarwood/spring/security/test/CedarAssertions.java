package io.cedarwood.spring.security.test;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;

/**
 * AssertJ assertions for policy tests (needs {@code org.assertj:assertj-core} on the test classpath):
 *
 * <pre>{@code
 * assertThat(policies)
 *     .withEntities(entities)
 *     .allows("User::\"alice\"", "GetList", "List::\"1\"")
 *     .denies("User::\"bob\"", "DeleteList", "List::\"1\"");
 * }</pre>
 */
public final class CedarAssertions {
    private CedarAssertions() {
    }

    public static CedarPolicyAssert assertThat(PolicyBundle policies) {
        return new CedarPolicyAssert(policies);
    }

    public static CedarPolicyAssert assertThat(PolicySet policies) {
        return new CedarPolicyAssert(PolicyBundle.of(policies));
    }

    /** The policies in use in {@code store}, such as the application's (inject the {@code PolicyStore} bean). */
    public static CedarPolicyAssert assertThat(PolicyStore store) {
        return new CedarPolicyAssert(store.current());
    }
}
