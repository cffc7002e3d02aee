package io.cedarwood.spring.security.test;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.spring.security.CedarPolicies;
import io.cedarwood.spring.security.CedarPolicyStore;

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

    public static CedarPolicyAssert assertThat(CedarPolicies policies) {
        return new CedarPolicyAssert(policies);
    }

    public static CedarPolicyAssert assertThat(PolicySet policies) {
        return new CedarPolicyAssert(CedarPolicies.of(policies));
    }

    /** The policies in use in {@code store}, such as the application's (inject the {@code CedarPolicyStore} bean). */
    public static CedarPolicyAssert assertThat(CedarPolicyStore store) {
        return new CedarPolicyAssert(store.current());
    }
}
