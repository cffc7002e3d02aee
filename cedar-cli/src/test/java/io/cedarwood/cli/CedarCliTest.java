package io.cedarwood.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CedarCliTest {
    private static final Path PHOTOS = Path.of("..", "examples", "photos");

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    private static Result cedar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CedarCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] authorize(String principal, String resource, String context, String... extra) {
        String[] base = {"authorize",
                "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(),
                "--principal", principal, "--action", "Action::\"view\"", "--resource", resource,
                "--context", PHOTOS.resolve(context).toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void authorizeWhenPermittedThenPrintsAllowAndExitsZero() {
        Result r = cedar(authorize("User::\"bob\"", "Photo::\"beach.jpg\"", "context-home.json"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("ALLOW");
    }

    @Test
    void authorizeWhenForbiddenThenPrintsDenyAndExitsTwo() {
        Result r = cedar(authorize("User::\"bob\"", "Photo::\"passport.jpg\"", "context-office.json", "-v"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).startsWith("DENY").contains("note: this decision was due to the following policies:\n  private-needs-owner");
    }

    @Test
    void authorizeWhenOwnerOnOfficeNetworkThenPrivatePhotoIsAllowed() {
        Result home = cedar(authorize("User::\"alice\"", "Photo::\"passport.jpg\"", "context-home.json", "-v"));
        Result office = cedar(authorize("User::\"alice\"", "Photo::\"passport.jpg\"", "context-office.json", "-v"));
        assertThat(home.exitCode()).isEqualTo(2);
        assertThat(home.out()).contains("  private-needs-owner");
        assertThat(office.exitCode()).isZero();
        assertThat(office.out()).contains("  owner-full-access");
    }

    @Test
    void authorizeWhenNothingAppliesThenSaysSo() {
        Result r = cedar(authorize("User::\"eve\"", "Photo::\"beach.jpg\"", "context-home.json", "-v"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("note: no policies applied to this request");
    }

    @Test
    void authorizeWhenAPolicyErrorsThenReportsItAndSkipsIt() throws IOException {
        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                "permit(principal, action, resource) when { principal.missing };\n"
                        + "permit(principal, action, resource);\n");
        Path entities = Files.writeString(tmp.resolve("e.json"), "[]");
        Result r = cedar("authorize", "-p", policies.toString(), "--entities", entities.toString(),
                "-l", "User::\"a\"", "-a", "Action::\"b\"", "-r", "R::\"c\"");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("ALLOW").contains("while evaluating policy `policy0`");
    }

    @Test
    void authorizeWithRequestJsonReadsTheWholeRequest() throws IOException {
        Path request = Files.writeString(tmp.resolve("r.json"),
                "{\"principal\": \"User::\\\"bob\\\"\", \"action\": \"Action::\\\"view\\\"\", "
                        + "\"resource\": \"Photo::\\\"beach.jpg\\\"\", \"context\": "
                        + "{\"ip\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"192.168.0.1\"}}}}");
        Result r = cedar("authorize", "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(), "--request-json", request.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("ALLOW");
    }

    @Test
    void authorizeWhenAFileIsMissingThenFailsWithExitOneNamingIt() {
        Result r = cedar("authorize", "--policies", "no-such.cedar", "--entities", "x.json",
                "-l", "User::\"a\"", "-a", "Action::\"b\"", "-r", "R::\"c\"");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no such file `no-such.cedar`");
    }

    @Test
    void authorizeWhenEntitiesAreMalformedThenSaysWhere() throws IOException {
        Path entities = Files.writeString(tmp.resolve("e.json"), "[{\"uid\": {\"type\": \"User\", \"id\": 5}, \"attrs\": {}, \"parents\": []}]");
        Result r = cedar("authorize", "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", entities.toString(), "-l", "User::\"a\"", "-a", "Action::\"b\"", "-r", "R::\"c\"");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("$[0].uid").doesNotContain("Exception");
    }

    @Test
    void authorizeWhenAVariableIsMissingThenFails() {
        Result r = cedar("authorize", "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(), "-l", "User::\"a\"");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("all three (`principal`, `action`, `resource`) variables must be specified");
    }

    @Test
    void evaluatePrintsTheValueAsCedar() {
        Result r = cedar("evaluate", "--entities", PHOTOS.resolve("entities.json").toString(),
                "--principal", "User::\"bob\"", "[principal in Group::\"family\", 10 > 5, \"a\" like \"*\"]");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("[true]");
    }

    @Test
    void evaluateWhenTheExpressionErrorsThenExitsOne() {
        Result r = cedar("evaluate", "9223372036854775807 + 1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("overflow");
    }

    @Test
    void checkParseWhenValidThenExitsZero() {
        Result r = cedar("check-parse", "--policies", PHOTOS.resolve("policies.cedar").toString());
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void checkParseWhenInvalidThenRendersEveryErrorWithACaret() throws IOException {
        Path policies = Files.writeString(tmp.resolve("bad.cedar"),
                "permit(principal, action, resource) when { 1 + };\nforbid(principal == , action, resource);\n");
        Result r = cedar("check-parse", "--policies", policies.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(" --> 1:48").contains(" --> 2:21").contains("^");
    }

    @Test
    void translatePolicyRoundTripsThroughJson() throws IOException {
        Result json = cedar("translate-policy", "--direction", "cedar-to-json", "-p", PHOTOS.resolve("policies.cedar").toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"staticPolicies\"").contains("\"isInRange\"");
        Path jsonFile = Files.writeString(tmp.resolve("p.json"), json.out());
        Result cedar = cedar("translate-policy", "--direction", "json-to-cedar", "-p", jsonFile.toString());
        assertThat(cedar.exitCode()).isZero();
        assertThat(io.cedarwood.engine.authz.PolicySet.parse(cedar.out()))
                .isEqualTo(io.cedarwood.engine.authz.PolicySet.parse(Files.readString(PHOTOS.resolve("policies.cedar"))));
    }

    @Test
    void linkFillsTheSlots() throws IOException {
        Path template = Files.writeString(tmp.resolve("t.cedar"), "permit(principal == ?principal, action, resource in ?resource);");
        Result r = cedar("link", "-p", template.toString(), "--template-id", "policy0", "--new-id", "l1",
                "--arguments", "{\"?principal\": \"User::\\\"alice\\\"\", \"?resource\": \"Album::\\\"a\\\"\"}");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("principal == User::\"alice\"").contains("resource in Album::\"a\"");
    }

    @Test
    void linkWhenASlotHasNoValueThenFails() throws IOException {
        Path template = Files.writeString(tmp.resolve("t.cedar"), "permit(principal == ?principal, action, resource in ?resource);");
        Result r = cedar("link", "-p", template.toString(), "--template-id", "policy0", "--new-id", "l1",
                "--arguments", "{\"?principal\": \"User::\\\"alice\\\"\"}");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no value provided for `?resource`");
    }

    @Test
    void languageVersionIsFourFive() {
        Result r = cedar("language-version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("Cedar language version: 4.5");
    }

    @Test
    void unknownOptionGivesAClearErrorAndExitOne() {
        Result r = cedar("authorize", "--entities", "e.json", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void integrationTestsCountsPassedAndFailedChecks() throws IOException {
        Files.createDirectories(tmp.resolve("tests"));
        Files.writeString(tmp.resolve("tests/p.cedar"), "permit(principal == User::\"a\", action, resource);");
        Files.writeString(tmp.resolve("tests/e.json"), "[]");
        Files.writeString(tmp.resolve("tests/s.cedarschema"), "entity User; entity R; action go appliesTo { principal: User, resource: R };");
        String request = "{\"description\": \"%s\", \"principal\": {\"type\": \"User\", \"id\": \"%s\"},"
                + " \"action\": {\"type\": \"Action\", \"id\": \"go\"}, \"resource\": {\"type\": \"R\", \"id\": \"r\"},"
                + " \"context\": {}, \"decision\": \"%s\", \"reason\": %s, \"errors\": []}";
        Files.writeString(tmp.resolve("tests/t.json"), "{\"policies\": \"tests/p.cedar\", \"entities\": \"tests/e.json\","
                + " \"schema\": \"tests/s.cedarschema\", \"shouldValidate\": true, \"requests\": ["
                + String.format(request, "a may go", "a", "allow", "[\"policy0\"]") + ","
                + String.format(request, "b may go (wrong on purpose)", "b", "allow", "[\"policy0\"]") + "]}");
        Result r = cedar("integration-tests", "--root", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL tests/t.json: b may go (wrong on purpose): decision DENY, expected ALLOW");
        assertThat(r.out().strip()).endsWith("2 passed, 1 failed");
    }

    @Test
    void translateSchemaRoundTripsThroughJson() throws IOException {
        Result json = cedar("translate-schema", "--direction", "cedar-to-json", "-s", PHOTOS.resolve("schema.cedarschema").toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"entityTypes\"").contains("\"memberOfTypes\"");
        Path jsonFile = Files.writeString(tmp.resolve("s.json"), json.out());
        Result back = cedar("translate-schema", "--direction", "json-to-cedar", "-s", jsonFile.toString());
        assertThat(back.exitCode()).isZero();
        assertThat(io.cedarwood.engine.schema.Schema.parseCedarSchema(back.out()).resolved())
                .isEqualTo(io.cedarwood.engine.schema.Schema.parseCedarSchema(Files.readString(PHOTOS.resolve("schema.cedarschema"))).resolved());
    }

    @Test
    void checkParseWithABadSchemaShowsWhere() throws IOException {
        Path schema = Files.writeString(tmp.resolve("bad.cedarschema"), "entity A in [B];");
        Result r = cedar("check-parse", "--schema", schema.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("undeclared entity type `B`").contains(" --> 1:14");
    }

    @Test
    void checkParseAcceptsPoliciesSchemaAndEntitiesTogether() {
        Result r = cedar("check-parse", "-p", PHOTOS.resolve("policies.cedar").toString(),
                "-s", PHOTOS.resolve("schema.cedarschema").toString(), "--entities", PHOTOS.resolve("entities.json").toString());
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void formatPrettyPrintsKeepingCommentsAndCheckTellsWhetherAlreadyFormatted() throws IOException {
        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                "// who may view\npermit(principal==User::\"a\",action,resource) when {context.x&&true};");
        Result formatted = cedar("format", "-p", policies.toString());
        assertThat(formatted.exitCode()).isZero();
        assertThat(formatted.out()).contains("// who may view").contains("principal == User::\"a\"").endsWith(";\n");
        assertThat(cedar("format", "--check", "-p", policies.toString()).exitCode()).isEqualTo(1);

        Result write = cedar("format", "--write", "-p", policies.toString());
        assertThat(write.exitCode()).isZero();
        assertThat(Files.readString(policies)).isEqualTo(formatted.out());
        assertThat(cedar("format", "--check", "-p", policies.toString()).exitCode()).isZero();
    }

    @Test
    void formatWithWriteAndCheckTogetherIsRefused() throws IOException {
        Path policies = Files.writeString(tmp.resolve("p.cedar"), "permit(principal, action, resource);");
        Result r = cedar("format", "--write", "--check", "-p", policies.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot be used together");
    }

    @Test
    void authorizeWithSchemaReadsValuesByTheirDeclaredTypesAndValidatesTheRequest() throws IOException {
        Path context = Files.writeString(tmp.resolve("c.json"), "{\"ip\": \"10.0.0.1\"}");
        String[] common = {"authorize", "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(),
                "--schema", PHOTOS.resolve("schema.cedarschema").toString(),
                "--principal", "User::\"alice\"", "--action", "Action::\"view\"", "--context", context.toString()};
        Result allowed = cedar(concat(common, "--resource", "Photo::\"passport.jpg\""));
        assertThat(allowed.exitCode()).isZero();

        Result invalid = cedar(concat(common, "--resource", "Group::\"family\""));
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("resource type `Group` is not valid for `Action::\"view\"`");

        Result unchecked = cedar(concat(common, "--resource", "Group::\"family\"", "--request-validation", "false"));
        assertThat(unchecked.exitCode()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void validateWhenThePoliciesFitTheSchemaThenExitsZero() {
        Result r = cedar("validate", "-p", PHOTOS.resolve("policies.cedar").toString(), "-s", PHOTOS.resolve("schema.cedarschema").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("policies are valid");
    }

    @Test
    void validateWhenAPolicyReadsAnUndeclaredAttributeThenShowsWhereAndExitsThree() throws IOException {
        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                "permit(principal, action == Action::\"view\", resource is Photo) when { principal.age > 3 };");
        Result r = cedar("validate", "-p", policies.toString(), "-s", PHOTOS.resolve("schema.cedarschema").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("for policy `policy0`, attribute `age` on entity type `User` not found")
                .contains(" --> 1:").contains("^").contains("policies are not valid");
    }

    @Test
    void validatePermissiveModeAcceptsWhatStrictModeRejects() throws IOException {
        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                "permit(principal, action == Action::\"view\", resource) when { [principal, resource].contains(principal) };");
        String schema = PHOTOS.resolve("schema.cedarschema").toString();
        assertThat(cedar("validate", "-p", policies.toString(), "-s", schema).exitCode()).isEqualTo(3);
        assertThat(cedar("validate", "-p", policies.toString(), "-s", schema, "--validation-mode", "permissive").exitCode()).isZero();
    }

    @Test
    void validateWithoutASchemaIsAnError() {
        Result r = cedar("validate", "-p", PHOTOS.resolve("policies.cedar").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("needs `--schema FILE`");
    }
}
