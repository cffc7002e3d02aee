package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.value.IpAddrValue;
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
                "cedar.log-level", "debug")::get);
        assertThat(s.authorization().policies().policies()).hasSize(4);
        assertThat(s.authorization().schema()).isPresent();
        assertThat(s.routes().size()).isEqualTo(1);
        assertThat(s.unmatched("/x").orElseThrow().resource().toCedar()).isEqualTo("Path::\"/x\"");
        assertThat(s.authorization().decisionLog().level()).isEqualTo(System.Logger.Level.DEBUG);
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
                .isInstanceOf(io.cedarwood.jakarta.CedarConfigurationException.class)
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
    void clientIpWhenIpv6WithZoneOrMappedIpv4ThenPlainAddress() {
        assertThat(CedarAuthorizationFilter.clientIp("127.0.0.1")).isEqualTo(IpAddrValue.parse("127.0.0.1"));
        assertThat(CedarAuthorizationFilter.clientIp("fe80::1%eth0")).isEqualTo(IpAddrValue.parse("fe80::1"));
        assertThat(CedarAuthorizationFilter.clientIp("[::1]")).isEqualTo(IpAddrValue.parse("::1"));
        assertThat(CedarAuthorizationFilter.clientIp("::ffff:10.0.0.1")).isEqualTo(IpAddrValue.parse("10.0.0.1"));
    }
}
