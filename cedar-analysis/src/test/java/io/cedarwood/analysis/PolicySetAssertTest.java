package io.cedarwood.analysis;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.cedarwood.analysis.PolicySetAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicySetAssertTest {
    static final Path TINYTODO = Path.of(System.getProperty("cedar.shared.dir", "../../shared"), "tinytodo");

    static String read(String file) throws Exception {
        Path p = TINYTODO.resolve(file);
        if (!Files.exists(p)) {
            throw new IllegalStateException("TinyTodo test data not found at " + p.toAbsolutePath()
                    + " (the build finds it as ../shared relative to the worktree)");
        }
        return Files.readString(p);
    }

    @Test
    void tinyTodoWithAllRulesOnPermitsNoMoreThanWithTheAdminRuleAlone() throws Exception {
        Schema schema = Schema.parseCedarSchema(read("tinytodo.cedarschema"));
        PolicySet shipped = PolicySet.parse(read("policies.cedar"));
        PolicySet allEnabled = PolicySet.parse(read("policies-all-enabled.cedar"));
        PolicySet shippedWithAdmin = shipped.add(allEnabled.policies().stream()
                .filter(p -> "admin-omnipotence".equals(p.annotations().get("id"))).findFirst().orElseThrow());

        assertThat(allEnabled).permitsNoMoreThan(shippedWithAdmin, schema);
        assertThat(shipped).isEquivalentTo(PolicySet.parse(shipped.toCedar()), schema);
        assertThatThrownBy(() -> assertThat(allEnabled).permitsNoMoreThan(shipped, schema))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("for example")
                .hasMessageContaining("\"id\": \"admin\"");
    }

    @Test
    void neverErrorsFailsWithTheRequestThatErrors() {
        Schema schema = AnalyzerTest.SCHEMA;
        assertThat(PolicySet.parse("permit(principal, action, resource) when { principal has nick && principal.nick == \"a\" };"))
                .neverErrors(schema);
        assertThatThrownBy(() -> assertThat(PolicySet.parse("permit(principal, action, resource) when { principal.nick == \"a\" };"))
                .neverErrors(schema))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("never errors");
    }
}
