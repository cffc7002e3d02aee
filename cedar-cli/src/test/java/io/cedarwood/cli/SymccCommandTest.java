package io.cedarwood.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cedarwood.cli.AnalyzeCommandTest.cedar;
import static io.cedarwood.cli.AnalyzeCommandTest.tinyTodo;
import static org.assertj.core.api.Assertions.assertThat;

class SymccCommandTest {
    @TempDir
    Path tmp;

    private String[] env(String... args) {
        String[] base = {"--schema", tinyTodo("tinytodo.cedarschema"), "--principal-type", "User",
                "--action", "Action::\"GetList\"", "--resource-type", "List"};
        String[] all = new String[args.length + base.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(base, 0, all, args.length, base.length);
        return all;
    }

    private String write(String text) throws IOException {
        Path p = Files.createTempFile(tmp, "p", ".cedar");
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void singleSetChecks() throws IOException {
        String owner = write("permit(principal, action, resource) when { resource.owner == principal };");
        assertThat(AnalyzeCommandTest.cedar(env("symcc", "check-never-errors", "--policies", owner)).out())
                .isEqualTo("never errors: verified\n");
        AnalyzeCommandTest.Result r = cedar(env("symcc", "check-always-allows", "--policies", owner));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("always allows: does not hold; counterexample:\nprincipal: User::");
        assertThat(cedar(env("symcc", "check-always-denies", "--policies", write("forbid(principal, action, resource);"))).out())
                .isEqualTo("always denies: verified\n");
    }

    @Test
    void twoSetChecks() throws IOException {
        String owner = write("permit(principal, action, resource) when { resource.owner == principal };");
        String ownerOrReader = write("permit(principal, action, resource) when { resource.owner == principal || principal in resource.readers };");
        String none = write("forbid(principal, action, resource);");
        assertThat(cedar(env("symcc", "check-implies", "--policies1", owner, "--policies2", ownerOrReader)).out())
                .isEqualTo("implies: verified\n");
        assertThat(cedar(env("symcc", "check-implies", "--policies1", ownerOrReader, "--policies2", owner)).out())
                .startsWith("implies: does not hold; counterexample:");
        assertThat(cedar(env("symcc", "check-equivalent", "--policies1", owner, "--policies2", owner)).out())
                .isEqualTo("equivalent: verified\n");
        assertThat(cedar(env("symcc", "check-disjoint", "--policies1", owner, "--policies2", none)).out())
                .isEqualTo("disjoint: verified\n");
    }

    @Test
    void unsupportedPoliciesAreNamedNotAnswered() throws IOException {
        String ip = write("permit(principal, action, resource) when { ip(principal.location).isLoopback() };");
        assertThat(cedar(env("symcc", "check-equivalent", "--policies1", ip, "--policies2", ip)).out())
                .isEqualTo("equivalent: unsupported\n  policy0: `ip` of anything but a string literal\n");
    }

    @Test
    void anEnvironmentTheSchemaDoesNotHaveIsBadInput() throws IOException {
        AnalyzeCommandTest.Result r = cedar("symcc", "check-never-errors", "--policies", write("permit(principal, action, resource);"),
                "--schema", tinyTodo("tinytodo.cedarschema"), "--principal-type", "List",
                "--action", "Action::\"GetList\"", "--resource-type", "List");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("the schema has no request environment principal: List");
    }
}
