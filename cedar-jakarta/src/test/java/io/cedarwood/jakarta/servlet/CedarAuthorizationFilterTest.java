package io.cedarwood.jakarta.servlet;

import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.jakarta.todo.SharedTinyTodo;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarAuthorizationFilterTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void initParametersWhenValidThenSettingsFromFiles() throws IOException {
        Path routes = write("routes.txt", "GET /lists/{id} Action::\"GetList\" List::\"{id}\"\n");
        CedarFilterSettings s = CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", SharedTinyTodo.policies().toString(),
                "cedar.schema", "file:" + SharedTinyTodo.schema(),
                "cedar.routes", routes.toString(),
                "cedar.unmatched", "Action::\"Request\"",
                "cedar.enforcement", "permissive",
                "cedar.reload-interval", "PT1S")::get);
        assertThat(s.authorization().policies().current().policies().policies()).hasSize(4);
        assertThat(s.authorization().policies().current().schema()).isPresent();
        assertThat(s.routes().routes()).hasSize(1);
        assertThat(s.unmatched("/x").orElseThrow().resource().toCedar()).isEqualTo("Path::\"/x\"");
        assertThat(s.authorization().enforcer().mode()).isEqualTo(EnforcementMode.PERMISSIVE);
        assertThat(s.reloader()).isPresent();
    }

    @Test
    void initParametersWhenPoliciesDoNotValidateThenStartupFails() throws IOException {
        Path policies = write("bad.cedar", "permit(principal, action == Action::\"GetList\", resource) when { resource.nosuch };");
        Path routes = write("routes.txt", "");
        Path schema = SharedTinyTodo.schema();
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", policies.toString(),
                "cedar.schema", schema.toString(),
                "cedar.routes", routes.toString())::get))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("do not validate").hasMessageContaining("nosuch");
    }

    @Test
    void initParametersWhenPolicyDoesNotParseOrFileMissingThenStartupFails() throws IOException {
        Path policies = write("broken.cedar", "permit(principal, action, resource) when { 1 + };");
        Path routes = write("routes.txt", "");
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", policies.toString(), "cedar.routes", routes.toString())::get))
                .hasMessageContaining("unexpected token");
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", dir.resolve("none.cedar").toString(), "cedar.routes", routes.toString())::get))
                .hasMessageContaining("no file at");
    }

    @Test
    void initWhenConfigurationInvalidThenServletExceptionSaysWhy() throws IOException {
        Path routes = write("routes.txt", "GET /lists/{id} Action::\"GetList\" List::\"{nope}\"\n");
        Map<String, String> params = Map.of("cedar.policies", SharedTinyTodo.policies().toString(), "cedar.routes", routes.toString());
        FilterConfig config = (FilterConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {FilterConfig.class},
                (proxy, m, args) -> m.getName().equals("getInitParameter") ? params.get((String) args[0]) : null);
        CedarAuthorizationFilter filter = new CedarAuthorizationFilter();
        assertThatThrownBy(() -> filter.init(config)).isInstanceOf(ServletException.class)
                .hasMessageContaining("route file line 1").hasMessageContaining("{nope}");
    }

    @Test
    void initParametersWhenARouteNamesWhatTheSchemaLacksThenStartupFailsWithTheNearestName() throws IOException {
        Path routes = write("routes.txt", "GET /lists/{id} Action::\"GetLsit\" List::\"{id}\"\n"
                + "GET /tasks/{id} Action::\"GetList\" Lists::\"{id}\"\n");
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", SharedTinyTodo.policies().toString(),
                "cedar.schema", "file:" + SharedTinyTodo.schema(),
                "cedar.routes", routes.toString())::get))
                .isInstanceOf(io.cedarwood.jakarta.CedarConfigurationException.class)
                .hasMessageContaining("route `GET /lists/{id}`: the schema has no action `Action::\"GetLsit\"` (did you mean `Action::\"GetList\"`?)")
                .hasMessageContaining("route `GET /tasks/{id}`: the schema has no entity type `Lists` (did you mean `List`?)");
    }

    @Test
    void initParametersWhenEntityProviderExpectsInjectionButIsNoBeanThenStartupFails() throws IOException {
        Path routes = write("routes.txt", "");
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", SharedTinyTodo.policies().toString(),
                "cedar.routes", routes.toString(),
                "cedar.entity-provider", InjectedProvider.class.getName())::get))
                .isInstanceOf(io.cedarwood.jakarta.CedarConfigurationException.class)
                .hasMessageContaining("has @Inject members but CDI has no bean of it");
    }

    @Test
    void initParametersWhenAnOptionIsMisspeltThenItIsNamed() throws IOException {
        Path routes = write("routes.txt", "");
        assertThatThrownBy(() -> CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", SharedTinyTodo.policies().toString(),
                "cedar.routes", routes.toString(),
                "cedar.enforcement", "permisive")::get))
                .hasMessageContaining("cedar.enforcement `permisive` is none of [enforcing, permissive]");
    }

    @Test
    void initParametersWhenListenersAreNamedThenEachHearsEveryDecision() throws Exception {
        Path routes = write("routes.txt", "GET /lists/{id} Action::\"GetList\" List::\"{id}\"\n");
        CountingListener.HEARD.set(0);
        CedarFilterSettings s = CedarAuthorizationFilter.fromInitParameters(Map.of(
                "cedar.policies", SharedTinyTodo.policies().toString(),
                "cedar.routes", routes.toString(),
                "cedar.listeners", CountingListener.class.getName())::get);
        s.authorization().decide("http", () -> "kesha", role -> false, io.cedarwood.engine.value.EntityUid.of("Action", "GetList"),
                io.cedarwood.engine.value.EntityUid.of("List", "1"), Map.of());
        s.authorization().deny("http", null, role -> false, "no route for `GET /x`");
        assertThat(CountingListener.HEARD).hasValue(2);
    }

    /** A metrics hook as an application would name it in {@code cedar.listeners}. */
    public static class CountingListener implements io.cedarwood.enforcement.DecisionListener {
        static final java.util.concurrent.atomic.AtomicInteger HEARD = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onDecision(io.cedarwood.enforcement.EnforcementDecision decision, long nanos) {
            HEARD.incrementAndGet();
        }
    }

    /** An entity provider written for CDI. */
    public static class InjectedProvider implements io.cedarwood.engine.entities.EntityProvider {
        @jakarta.inject.Inject
        Object store;

        @Override
        public io.cedarwood.engine.entities.Entity entity(io.cedarwood.engine.value.EntityUid uid) {
            return null;
        }
    }
}
