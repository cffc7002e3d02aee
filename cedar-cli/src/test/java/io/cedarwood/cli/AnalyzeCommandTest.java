package io.cedarwood.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    static final Path TINYTODO = Path.of(System.getProperty("cedar.shared.dir", "../../shared"), "tinytodo");

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Result cedar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CedarCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String tinyTodo(String file) {
        Path p = TINYTODO.resolve(file);
        if (!Files.exists(p)) {
            throw new IllegalStateException("TinyTodo test data not found at " + p.toAbsolutePath());
        }
        return p.toString();
    }

    private String write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void compareTinyTodoShippedWithAllRulesOnPermitsMoreAndLess() {
        Result r = cedar("analyze", "compare", "--old", tinyTodo("policies.cedar"),
                "--new", tinyTodo("policies-all-enabled.cedar"), "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.lastLine()).isEqualTo("new permits more and less");
        assertThat(r.out()).contains("action: Action::\"CreateList\", resource: Application: new permits less, for example:")
                .contains("action: Action::\"GetList\", resource: List: new permits more, for example:");
    }

    @Test
    void compareASetWithItselfFormattedIsEquivalent() throws IOException {
        String reformatted = write("p.cedar", Files.readString(Path.of(tinyTodo("policies.cedar"))).replace("\n", "\n\n"));
        Result r = cedar("analyze", "compare", "--old", tinyTodo("policies.cedar"), "--new", reformatted,
                "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.lastLine()).isEqualTo("equivalent");
    }

    @Test
    void compareSaysNewPermitsLessWhenAForbidIsAdded() throws IOException {
        String next = write("next.cedar", Files.readString(Path.of(tinyTodo("policies.cedar")))
                + "\nforbid(principal, action == Action::\"DeleteList\", resource) unless { resource.owner == principal };\n"
                + "forbid(principal, action == Action::\"DeleteList\", resource);\n");
        Result r = cedar("analyze", "compare", "--old", tinyTodo("policies.cedar"), "--new", next,
                "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.lastLine()).isEqualTo("new permits less");
    }

    @Test
    void compareNeverGuessesWhenAPolicyIsNotCovered() throws IOException {
        String next = write("ip.cedar", Files.readString(Path.of(tinyTodo("policies.cedar")))
                + "\nforbid(principal, action, resource) when { ip(principal.location).isLoopback() };\n");
        Result r = cedar("analyze", "compare", "--old", tinyTodo("policies.cedar"), "--new", next,
                "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("unknown whether new permits less (unsupported: policy4: `ip` of anything but a string literal)");
        assertThat(r.lastLine()).isEqualTo("unknown");
    }

    @Test
    void policiesNamesEachFindingWithThePolicyIdOrItsIdAnnotation() throws IOException {
        String policies = write("p.cedar", """
                @id("overflow")
                permit(principal, action, resource is List) when { principal.joblevel + 1 > 2 };
                permit(principal, action, resource is List) when { principal.joblevel > 1 && principal.joblevel < 1 };
                permit(principal, action == Action::"GetList", resource is List) when { resource.owner == principal };
                permit(principal, action == Action::"GetList", resource is List);
                forbid(principal, action == Action::"DeleteList", resource);
                permit(principal, action == Action::"DeleteList", resource);
                """);
        Result r = cedar("analyze", "policies", "--policies", policies, "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "overflow: may error",
                "policy1: never applies",
                "policy2: redundant",
                "policy5: shadowed");
    }

    @Test
    void badInputExitsWithOne() throws IOException {
        Result r = cedar("analyze", "compare", "--old", write("bad.cedar", "permit(principal"),
                "--new", tinyTodo("policies.cedar"), "--schema", tinyTodo("tinytodo.cedarschema"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(cedar("analyze", "policies", "--policies", tinyTodo("policies.cedar")).exitCode()).isEqualTo(1);
    }
}
