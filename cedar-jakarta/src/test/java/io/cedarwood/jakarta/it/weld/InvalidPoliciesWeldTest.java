package io.cedarwood.jakarta.it.weld;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.jakarta.CedarConfigurationException;
import io.cedarwood.jakarta.todo.SharedTinyTodo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;

/** Policies that do not validate against the application's schema stop the application at startup. */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
@ExtendWith(ArquillianExtension.class)
class InvalidPoliciesWeldTest {
    @Deployment
    @ShouldThrowException(CedarConfigurationException.class)
    static JavaArchive deployment() {
        SharedTinyTodo.dir();
        return ShrinkWrap.create(JavaArchive.class, "invalid.jar")
                .addPackage("io.cedarwood.jakarta.cdi")
                .addClasses(InvalidProducers.class, SharedTinyTodo.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    @Test
    void deploymentFails() {
        // the deployment's failure is the assertion (@ShouldThrowException)
    }

    @ApplicationScoped
    public static class InvalidProducers {
        @Produces
        PolicySet policies() {
            return PolicySet.parse("permit(principal, action == Action::\"GetList\", resource) when { resource.nosuch == 1 };");
        }

        @Produces
        Schema schema() throws IOException {
            return Schema.parseCedarSchema(Files.readString(SharedTinyTodo.schema()));
        }
    }
}
