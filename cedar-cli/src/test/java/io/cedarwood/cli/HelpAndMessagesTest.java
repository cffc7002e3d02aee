package io.cedarwood.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cedarwood.cli.CliRunner.cedar;
import static org.assertj.core.api.Assertions.assertThat;

/** What a first-time user meets: help everywhere, and errors that say what to do. */
class HelpAndMessagesTest {
    private static final Path PHOTOS = Path.of("..", "examples", "photos");

    @TempDir
    Path tmp;

    @Test
    void cedarAlonePrintsItsUsageAndExitsZero() {
        CliRunner.Result r = cedar();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: cedar").contains("authorize").contains("run-tests");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everySubcommandHasHelpAndShortHelp() {
        CommandLine cli = CedarCli.commandLine();
        for (String name : cli.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (String flag : new String[] {"--help", "-h"}) {
                CliRunner.Result r = cedar(name, flag);
                assertThat(r.exitCode()).as("%s %s", name, flag).isZero();
                assertThat(r.out()).as("%s %s", name, flag).startsWith("Usage: cedar " + name);
                assertThat(r.err()).as("%s %s", name, flag).isEmpty();
            }
        }
    }

    @Test
    void aRunThatNamesItsSubcommandBuildsThatOneOnlyWithTheSameOptionsAndHelp() {
        CommandLine whole = CedarCli.commandLine();
        assertThat(whole.getSubcommands()).containsKeys("authorize", "validate", "help");
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine lean = CedarCli.commandLine(name, "--help");
            if (name.equals("help")) {
                assertThat(lean.getSubcommands().keySet()).isEqualTo(whole.getSubcommands().keySet());
                continue;
            }
            assertThat(lean.getSubcommands().keySet()).as(name).containsExactly(name);
            assertThat(lean.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        assertThat(CedarCli.commandLine("-f", "json", "validate", "-s", "x").getSubcommands().keySet()).containsExactly("validate");
        assertThat(CedarCli.commandLine("--error-format=json", "authorize").getSubcommands().keySet()).containsExactly("authorize");
        assertThat(CedarCli.commandLine("-fjson", "evaluate", "1").getSubcommands().keySet()).containsExactly("evaluate");
        String[][] others = {{}, {"--help"}, {"-V"}, {"help", "validate"}, {"valdate"}, {"@args"}, {"-f"}, {"-f", "json"}, {"--", "validate"}};
        for (String[] args : others) {
            assertThat(CedarCli.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .isEqualTo(whole.getSubcommands().keySet());
        }
    }

    @Test
    void theTopLevelErrorFormatReachesASubcommandBuiltAlone() {
        CliRunner.Result r = cedar("-f", "json", "validate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("{").contains("`validate` needs `--schema FILE`");
    }

    @Test
    void helpWinsOverMissingRequiredOptions() {
        CliRunner.Result r = cedar("link", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--template-id").contains("--template-linked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"principal", "action", "resource"})
    void evaluateRefusesAVariableThatWasNotGiven(String variable) {
        CliRunner.Result r = cedar("evaluate", variable);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: the expression uses `" + variable + "`, which is not specified: give `--"
                + variable + " UID`, or the whole request with `--request-json FILE`\n");
    }

    @Test
    void evaluateWithoutRequestVariablesNeedsNoRequest() {
        CliRunner.Result r = cedar("evaluate", "if context has x then 1 else 2 + 3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("5");
    }

    @Test
    void evaluateWithSchemaReadsEntitiesAndContextByTheirDeclaredTypes() throws IOException {
        Path context = Files.writeString(tmp.resolve("c.json"), "{\"ip\": \"10.1.2.3\"}");
        CliRunner.Result r = cedar("evaluate", "--schema", PHOTOS.resolve("schema.cedarschema").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(),
                "-l", "User::\"alice\"", "-a", "Action::\"view\"", "-r", "Photo::\"passport.jpg\"", "-c", context.toString(),
                "context.ip.isInRange(ip(\"10.0.0.0/8\")) && resource.owner == principal");
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("true");
    }

    @Test
    void aBadEnumValueListsTheValidOnes() {
        CliRunner.Result direction = cedar("translate-policy", "--direction", "cedar2json");
        assertThat(direction.exitCode()).isEqualTo(1);
        assertThat(direction.err()).contains("`cedar2json` is not a direction: expected `cedar-to-json` or `json-to-cedar`")
                .doesNotContain("No enum constant");
        CliRunner.Result mode = cedar("validate", "--validation-mode", "lax", "-s", "x");
        assertThat(mode.err()).contains("expected one of [strict, permissive]").doesNotContain("No enum constant");
        CliRunner.Result format = cedar("--error-format", "xml", "language-version");
        assertThat(format.err()).contains("expected one of [human, plain, json]");
    }

    @Test
    void anUnquotedUidSuggestsTheQuotedOneOnce() {
        CliRunner.Result r = cedar("evaluate", "--principal", "User::bob", "principal");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: failed to parse principal `User::bob` as an entity uid: the id must be "
                + "quoted, as in `User::\"bob\"`\n = help: in a shell, put the whole uid in single quotes: 'User::\"bob\"'\n");
    }

    @Test
    void anotherBadUidShowsTheParseErrorWithoutASecondErrorPrefix() {
        CliRunner.Result r = cedar("evaluate", "--principal", "User::\"bob", "principal");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: failed to parse principal `User::\"bob` as an entity uid: ");
        assertThat(r.err().split("error: ", -1)).hasSize(2);
    }

    @Test
    void aContextMissingADeclaredAttributeNamesIt() throws IOException {
        Path request = Files.writeString(tmp.resolve("r.json"), "{\"principal\": \"User::\\\"bob\\\"\", "
                + "\"action\": \"Action::\\\"view\\\"\", \"resource\": \"Photo::\\\"beach.jpg\\\"\", \"context\": {}}");
        CliRunner.Result r = cedar("authorize", "-p", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(), "-s", PHOTOS.resolve("schema.cedarschema").toString(),
                "--request-json", request.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("`ip`");
    }

    @Test
    void invalidUtf8NamesTheByteAndWhereItIs() throws IOException {
        Path policies = tmp.resolve("p.cedar");
        Files.write(policies, "permit(principal, action, resource)\nwhen { \"\u00e9\" == \"\" };\n"
                .replace("\u00e9", "@").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(policies);
        bytes[44] = (byte) 0xFF;
        Files.write(policies, bytes);
        CliRunner.Result r = cedar("check-parse", "-p", policies.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not UTF-8 (byte 0xFF at line 2, byte 9 of the line)").doesNotContain("Input length");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path policies = tmp.resolve("p.cedar");
        Files.write(policies, ("\uFEFF" + "permit(principal, action, resource);").getBytes(StandardCharsets.UTF_8));
        CliRunner.Result r = cedar("check-parse", "-p", policies.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void jsonErrorFormatPrintsOneObjectPerDiagnosticWithItsSpan() throws Exception {
        Path policies = Files.writeString(tmp.resolve("bad.cedar"),
                "permit(principal, action, resource) when { 1 + };\n// é\nforbid(principal == , action, resource);\n");
        CliRunner.Result r = cedar("check-parse", "--error-format", "json", "-p", policies.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("message").asText()).isEqualTo("unexpected token `}`");
        assertThat(first.get("labels").get(0).get("span").get("offset").asInt()).isEqualTo(47);
        assertThat(first.get("labels").get(0).get("span").get("length").asInt()).isEqualTo(1);
        JsonNode second = json.readTree(lines[1]);
        // offsets count UTF-8 bytes: the comment's `é` is two
        assertThat(second.get("labels").get(0).get("span").get("offset").asInt()).isEqualTo(50 + 6 + 20);
        assertThat(second.get("labels").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(second.get("labels").get(0).get("column").asInt()).isEqualTo(21);
    }

    @Test
    void jsonErrorFormatAlsoCoversOtherErrorsAndValidation() throws Exception {
        CliRunner.Result missing = cedar("-f", "json", "check-parse", "-p", "no-such.cedar");
        JsonNode error = new ObjectMapper().readTree(missing.err());
        assertThat(error.get("message").asText()).contains("no such file `no-such.cedar`");

        Path policies = Files.writeString(tmp.resolve("p.cedar"),
                "permit(principal, action == Action::\"view\", resource is Photo) when { principal.age > 3 };");
        CliRunner.Result invalid = cedar("validate", "-f", "json", "-p", policies.toString(),
                "-s", PHOTOS.resolve("schema.cedarschema").toString());
        assertThat(invalid.exitCode()).isEqualTo(3);
        JsonNode diagnostic = new ObjectMapper().readTree(invalid.out());
        assertThat(diagnostic.get("message").asText()).contains("attribute `age` on entity type `User` not found");
        assertThat(diagnostic.get("labels").get(0).get("span").get("offset").asInt()).isPositive();
    }

    @Test
    void checkParseChecksAnExpression() {
        assertThat(cedar("check-parse", "--expression", "principal.age >= 18").exitCode()).isZero();
        CliRunner.Result bad = cedar("check-parse", "--expression", "1 +");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("unexpected end of input").contains("^");
    }

    @Test
    void authorizeTimingPrintsTheTimeTheReferenceWay() {
        CliRunner.Result r = cedar("authorize", "-p", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(), "-l", "User::\"bob\"", "-a", "Action::\"view\"",
                "-r", "Photo::\"beach.jpg\"", "-c", PHOTOS.resolve("context-home.json").toString(), "--timing");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("(?s)Authorization Time \\(micro seconds\\) : \\d+\nALLOW\n");
    }
}
