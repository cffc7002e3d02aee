package io.cedarwood.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cedarwood.cli.CliRunner.cedar;
import static org.assertj.core.api.Assertions.assertThat;

class RunTestsCommandTest {
    private static final Path PHOTOS = Path.of("..", "examples", "photos");

    @TempDir
    Path tmp;

    private static String test(String name, String principal, String resource, String ip, String decision,
                               String reason, int numErrors) {
        return """
                {"name": "%s",
                 "request": {"principal": "User::\\"%s\\"", "action": "Action::\\"view\\"",
                             "resource": "Photo::\\"%s\\"", "context": {"ip": {"__extn": {"fn": "ip", "arg": "%s"}}}},
                 "entities": ENTITIES,
                 "decision": "%s", "reason": %s, "num_errors": %d}
                """.formatted(name, principal, resource, ip, decision, reason, numErrors);
    }

    private Path tests(String... tests) throws IOException {
        String entities = Files.readString(PHOTOS.resolve("entities.json"));
        return Files.writeString(tmp.resolve("tests.json"), ("[" + String.join(",", tests) + "]").replace("ENTITIES", entities));
    }

    @Test
    void passingTestsPrintOkAndExitZero() throws IOException {
        Path tests = tests(
                test("bob sees the beach", "bob", "beach.jpg", "192.168.0.1", "allow", "[\"family-views-vacation\"]", 0),
                test("bob may not see the passport", "bob", "passport.jpg", "10.0.0.1", "deny", "[\"private-needs-owner\"]", 0));
        CliRunner.Result r = cedar("run-tests", "-p", PHOTOS.resolve("policies.cedar").toString(), "--tests", tests.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                running 2 test(s)
                  test bob sees the beach ... ok
                  test bob may not see the passport ... ok
                results: 2 passed, 0 failed
                """);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void failingTestsSayWhyAndExitOne() throws IOException {
        Path tests = tests(
                test("wrong decision", "bob", "passport.jpg", "10.0.0.1", "allow", "[]", 0),
                test("missing reason", "bob", "beach.jpg", "10.0.0.1", "allow", "[\"owner-full-access\"]", 0),
                test("wrong error count", "bob", "beach.jpg", "10.0.0.1", "allow", "[]", 2),
                "{\"request\": {}, \"entities\": [], \"decision\": \"allow\", \"reason\": [], \"num_errors\": 0}");
        CliRunner.Result r = cedar("run-tests", "-p", PHOTOS.resolve("policies.cedar").toString(), "--tests", tests.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("  test wrong decision ... fail: expected Allow, got Deny\n")
                .contains("  test missing reason ... fail: missing reason(s): `owner-full-access`\n")
                .contains("  test wrong error count ... fail: expected 2 error(s), but got 0 runtime error(s)\n")
                .contains("  test (unnamed) ... error:\n  error: ")
                .endsWith("results: 0 passed, 4 failed\n");
    }

    @Test
    void withASchemaThePoliciesMustValidate() throws IOException {
        Path tests = tests(test("bob sees the beach", "bob", "beach.jpg", "192.168.0.1", "allow", "[]", 0));
        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                Files.readString(PHOTOS.resolve("policies.cedar")) + "\npermit(principal, action, resource) when { principal.age > 1 };");
        String schema = PHOTOS.resolve("schema.cedarschema").toString();
        assertThat(cedar("run-tests", "-p", PHOTOS.resolve("policies.cedar").toString(), "--tests", tests.toString(),
                "-s", schema).exitCode()).isZero();
        CliRunner.Result r = cedar("run-tests", "-p", policies.toString(), "--tests", tests.toString(), "-s", schema);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("policy set validation failed");
    }

    @Test
    void aTestFileThatIsNotAnArrayIsAnError() throws IOException {
        Path tests = Files.writeString(tmp.resolve("t.json"), "{}");
        CliRunner.Result r = cedar("run-tests", "-p", PHOTOS.resolve("policies.cedar").toString(), "--tests", tests.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("expected a JSON array of tests");
    }
}
