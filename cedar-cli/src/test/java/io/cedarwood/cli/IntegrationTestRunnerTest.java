package io.cedarwood.cli;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationTestRunnerTest {
    private static final String SCHEMA = """
            entity User = { boss?: User };
            entity Photo = { owner: User };
            action view appliesTo { principal: User, resource: Photo, context: { ip: ipaddr } };
            """;
    private static final String POLICIES = """
            permit (principal, action == Action::"view", resource) when { resource.owner == principal && context.ip.isLoopback() };
            """;
    private static final String ENTITIES = """
            [{"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []},
             {"uid": {"type": "Photo", "id": "p"}, "attrs": {"owner": {"type": "User", "id": "alice"}}, "parents": []}]""";

    @TempDir
    Path root;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(root.resolve("schema.cedarschema"), SCHEMA);
        Files.writeString(root.resolve("schema.json"), Schema.parseCedarSchema(SCHEMA).toJson());
        Files.writeString(root.resolve("schema-json.txt"), Schema.parseCedarSchema(SCHEMA).toJson());
        Files.writeString(root.resolve("policies.cedar"), POLICIES);
        Files.writeString(root.resolve("entities.json"), ENTITIES);
    }

    private static String request(String principal, String context, String extra, String decision, String reason) {
        return """
                {"description": "%s", "principal": {"type": "%s", "id": "alice"},
                 "action": {"type": "Action", "id": "view"}, "resource": {"type": "Photo", "id": "p"},
                 "context": %s, %s "decision": "%s", "reason": [%s], "errors": []}""".formatted(
                "as " + principal, principal, context, extra, decision, reason);
    }

    private Path test(String schemaField, String requests) throws IOException {
        Path file = root.resolve("test.json");
        Files.writeString(file, """
                {"policies": "policies.cedar", "entities": "entities.json", %s, "shouldValidate": true,
                 "requests": [%s]}""".formatted(schemaField, requests));
        return file;
    }

    private static List<String> failures(List<IntegrationTestRunner.Check> checks) {
        List<String> out = new ArrayList<>();
        checks.stream().filter(c -> !c.passed()).forEach(c -> out.add(c.description() + ": " + c.mismatch()));
        return out;
    }

    @Test
    void entitiesAndContextAreReadWithTheSchema() throws IOException {
        List<IntegrationTestRunner.Check> checks = new IntegrationTestRunner(root).run(test("\"schema\": \"schema.cedarschema\"",
                request("User", "{\"ip\": \"127.0.0.1\"}", "", "allow", "\"policy0\"") + ","
                        + request("User", "{\"ip\": \"10.0.0.1\"}", "", "deny", "")));
        assertThat(checks).hasSize(3);
        assertThat(failures(checks)).isEmpty();
    }

    @Test
    void jsonSchemaByExtensionOrByFormat() throws IOException {
        String req = request("User", "{\"ip\": \"127.0.0.1\"}", "", "allow", "\"policy0\"");
        IntegrationTestRunner runner = new IntegrationTestRunner(root);
        assertThat(failures(runner.run(test("\"schema\": \"schema.json\"", req)))).isEmpty();
        assertThat(failures(runner.run(test("\"schema\": \"schema-json.txt\", \"schemaFormat\": \"json\"", req)))).isEmpty();
        assertThat(failures(runner.run(test("\"schema\": \"schema-json.txt\"", req))))
                .singleElement().asString().startsWith("set-up: could not load the test");
    }

    @Test
    void requestThatFailsValidationIsAFailedCheck() throws IOException {
        List<String> failures = failures(new IntegrationTestRunner(root).run(test("\"schema\": \"schema.cedarschema\"",
                request("Photo", "{\"ip\": \"127.0.0.1\"}", "", "deny", ""))));
        assertThat(failures).singleElement().asString()
                .contains("the request does not validate against the schema: principal type `Photo` is not valid for `Action::\"view\"`");
    }

    @Test
    void requestIsNotValidatedWhenTheTestSaysSo() throws IOException {
        List<String> failures = failures(new IntegrationTestRunner(root).run(test("\"schema\": \"schema.cedarschema\"",
                request("Photo", "{\"ip\": \"127.0.0.1\"}", "\"validateRequest\": false,", "deny", ""))));
        assertThat(failures).isEmpty();
    }

    @Test
    void contextThatDoesNotFitTheSchemaIsAFailedCheck() throws IOException {
        List<String> failures = failures(new IntegrationTestRunner(root).run(test("\"schema\": \"schema.cedarschema\"",
                request("User", "{\"ip\": \"127.0.0.1\", \"port\": 80}", "\"validateRequest\": false,", "allow", "\"policy0\""))));
        assertThat(failures).singleElement().asString()
                .contains("could not build the request: the record has the attribute `port`");
    }

    @Test
    void entitiesThatDoNotConformFailTheSetUp() throws IOException {
        Files.writeString(root.resolve("entities.json"), "[{\"uid\": {\"type\": \"Photo\", \"id\": \"p\"}, \"attrs\": {}, \"parents\": []}]");
        List<String> failures = failures(new IntegrationTestRunner(root).run(test("\"schema\": \"schema.cedarschema\"",
                request("User", "{\"ip\": \"127.0.0.1\"}", "", "deny", ""))));
        assertThat(failures).singleElement().asString()
                .isEqualTo("set-up: could not load the test: entity `Photo::\"p\"` is missing the required attribute `owner` (at `$[0]`, line 1, column 2)");
    }

    @Test
    void shouldValidateIsCheckedWithTheStrictValidator() throws IOException {
        Path file = test("\"schema\": \"schema.cedarschema\"", request("User", "{\"ip\": \"127.0.0.1\"}", "", "allow", "\"policy0\""));
        List<IntegrationTestRunner.Check> checks = new IntegrationTestRunner(root).run(file);
        assertThat(checks).extracting(IntegrationTestRunner.Check::description).contains("policy validation");
        assertThat(failures(checks)).isEmpty();

        Files.writeString(file, Files.readString(file).replace("\"shouldValidate\": true", "\"shouldValidate\": false"));
        assertThat(failures(new IntegrationTestRunner(root).run(file)))
                .containsExactly("policy validation: the policies pass strict validation, expected them to fail");

        Files.writeString(file, Files.readString(file).replace("\"shouldValidate\": false", "\"shouldValidate\": true"));
        Files.writeString(root.resolve("policies.cedar"), "permit (principal, action, resource) when { resource.nope };");
        assertThat(failures(new IntegrationTestRunner(root).run(file)))
                .contains("policy validation: the policies fail strict validation, expected them to pass");
    }

    @Test
    void withoutASchemaEntitiesAndContextAreReadAsWrittenAndNothingIsValidated() throws IOException {
        Files.writeString(root.resolve("entities.json"), """
                [{"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []},
                 {"uid": {"type": "Photo", "id": "p"}, "attrs": {"owner": {"__entity": {"type": "User", "id": "alice"}}}, "parents": []}]""");
        Path file = root.resolve("test.json");
        Files.writeString(file, """
                {"policies": "policies.cedar", "entities": "entities.json", "requests": [%s, %s]}""".formatted(
                request("User", "{\"ip\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"127.0.0.1\"}}}", "", "allow", "\"policy0\""),
                request("Stranger", "{\"ip\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"127.0.0.1\"}}}", "", "deny", "")));
        List<IntegrationTestRunner.Check> checks = new IntegrationTestRunner(root).run(file);
        assertThat(checks).extracting(IntegrationTestRunner.Check::description).containsExactly("as User", "as Stranger");
        assertThat(failures(checks)).isEmpty();
    }
}
