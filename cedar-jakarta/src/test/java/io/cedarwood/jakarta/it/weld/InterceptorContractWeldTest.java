package io.cedarwood.jakarta.it.weld;

import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PolicyFiles;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.jakarta.CedarAccessDeniedException;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.cdi.CedarAuthorize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The contract through the CDI interceptor of {@code @CedarAuthorize}, in Weld: the caller from Jakarta
 * Security's {@code SecurityContext}, everything else from the application's producers.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorContractWeldTest {
    @Deployment
    static JavaArchive deployment() {
        return ShrinkWrap.create(JavaArchive.class, "contract.jar")
                .addPackage("io.cedarwood.jakarta.cdi")
                .addClasses(Docs.class, Producers.class, TestSecurityContext.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    /** The contract's {@link EnforcementContract#METHODS}. */
    @ApplicationScoped
    public static class Docs {
        @CedarAuthorize(action = "view", resource = "Doc::\"{docId}\"")
        public String view(String docId) {
            return "viewed";
        }

        @CedarAuthorize(action = "edit", resource = "Doc::\"{docId}\"")
        public String edit(String docId) {
            return "edited";
        }

        @CedarAuthorize(action = "delete", resource = "Doc::\"{docId}\"")
        public String delete(String docId) {
            return "deleted";
        }
    }

    /** The contract's policies, schema, entities, principal mapping and clock, and a listener that keeps the last decision. */
    @ApplicationScoped
    public static class Producers {
        static final AtomicReference<EnforcementDecision> LAST = new AtomicReference<>();

        @Produces
        PolicySet policies() {
            return PolicyFiles.policies(List.of(new PolicySource("policies.cedar", EnforcementContract.POLICIES)));
        }

        @Produces
        Schema schema() {
            return PolicyFiles.schema(new PolicySource("schema.cedarschema", EnforcementContract.SCHEMA));
        }

        @Produces
        EntityProvider entities() {
            return EnforcementContract.entities();
        }

        @Produces
        CedarPrincipalMapper principalMapper() {
            return CedarPrincipalMapper.byName("User", "Role", EnforcementContract.ROLES);
        }

        @Produces
        Clock clock() {
            return EnforcementContract.CLOCK;
        }

        @Produces
        DecisionListener last() {
            return (d, nanos) -> LAST.set(d);
        }
    }

    @Inject
    Docs docs;
    @Inject
    TestSecurityContext security;

    @Test
    void theInterceptorKeepsTheContract() throws Exception {
        for (ContractCase c : EnforcementContract.cases()) {
            security.callAs(c.user(), c.roles().toArray(String[]::new));
            Producers.LAST.set(null);
            boolean granted;
            try {
                Docs.class.getMethod(c.method(), String.class).invoke(docs, c.docId());
                granted = true;
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!(e.getCause() instanceof CedarAccessDeniedException)) {
                    throw e;
                }
                granted = false;
            }
            EnforcementDecision d = Producers.LAST.get();
            Observed o = d == null ? new Observed(granted, Set.of(), null)
                    : new Observed(granted, Observed.of(d).reason(), Observed.of(d).context());
            EnforcementContract.assertKept(c, o, false);
        }
    }
}
