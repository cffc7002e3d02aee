package io.cedarwood.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cedarwood.cli.CliRunner.cedar;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code link}, {@code @id} names and the reference's {@code --template-linked} file. */
class TemplateLinkedTest {
    private static final String TEMPLATE = """
            @id("viewers")
            permit(principal == ?principal, action == Action::"view", resource in ?resource);
            """;

    @TempDir
    Path tmp;

    private Path policies() throws IOException {
        return Files.writeString(tmp.resolve("p.cedar"), TEMPLATE);
    }

    private String[] authorize(Path policies, Path links, String principal) throws IOException {
        Path entities = Files.writeString(tmp.resolve("e.json"),
                "[{\"uid\": {\"type\": \"Photo\", \"id\": \"p\"}, \"attrs\": {}, \"parents\": [{\"type\": \"Album\", \"id\": \"a\"}]}]");
        return new String[] {"authorize", "-p", policies.toString(), "-k", links.toString(),
                "--entities", entities.toString(), "-l", principal, "-a", "Action::\"view\"", "-r", "Photo::\"p\"", "-v"};
    }

    @Test
    void linkFindsATemplateByItsIdAnnotation() throws IOException {
        CliRunner.Result r = cedar("link", "-p", policies().toString(), "--template-id", "viewers", "--new-id", "alice",
                "--arguments", "{\"?principal\": \"User::\\\"alice\\\"\", \"?resource\": \"Album::\\\"a\\\"\"}");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Template-linked policy added: ").contains("principal == User::\"alice\"");
    }

    @Test
    void linkWritesTheLinkToTheTemplateLinkedFileAndAuthorizeUsesIt() throws IOException {
        Path policies = policies();
        Path links = tmp.resolve("links.json");
        assertThat(cedar("link", "-p", policies.toString(), "-k", links.toString(), "--template-id", "viewers",
                "-n", "alice", "-a", "{\"?principal\": \"User::\\\"alice\\\"\", \"?resource\": \"Album::\\\"a\\\"\"}")
                .exitCode()).isZero();
        assertThat(cedar("link", "-p", policies.toString(), "-k", links.toString(), "--template-id", "viewers",
                "-n", "bob", "-a", "{\"?principal\": \"User::\\\"bob\\\"\", \"?resource\": \"Album::\\\"b\\\"\"}")
                .exitCode()).isZero();
        assertThat(Files.readString(links)).isEqualTo("[{\"template_id\":\"viewers\",\"link_id\":\"alice\","
                + "\"args\":{\"?principal\":\"User::\\\"alice\\\"\",\"?resource\":\"Album::\\\"a\\\"\"}},"
                + "{\"template_id\":\"viewers\",\"link_id\":\"bob\","
                + "\"args\":{\"?principal\":\"User::\\\"bob\\\"\",\"?resource\":\"Album::\\\"b\\\"\"}}]");

        CliRunner.Result alice = cedar(authorize(policies, links, "User::\"alice\""));
        assertThat(alice.exitCode()).isZero();
        assertThat(alice.out()).contains("  alice");
        assertThat(cedar(authorize(policies, links, "User::\"bob\"")).exitCode()).isEqualTo(2);
    }

    @Test
    void aLinkIdAlreadyTakenIsRefusedAndTheFileKept() throws IOException {
        Path policies = policies();
        Path links = Files.writeString(tmp.resolve("links.json"),
                "[{\"template_id\": \"viewers\", \"link_id\": \"alice\", \"args\": {\"?principal\": \"User::\\\"alice\\\"\", "
                        + "\"?resource\": \"Album::\\\"a\\\"\"}}]");
        String before = Files.readString(links);
        CliRunner.Result r = cedar("link", "-p", policies.toString(), "-k", links.toString(), "--template-id", "viewers",
                "-n", "alice", "-a", "{\"?principal\": \"User::\\\"x\\\"\", \"?resource\": \"Album::\\\"a\\\"\"}");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("`alice` conflicts with an existing policy id");
        assertThat(Files.readString(links)).isEqualTo(before);
    }

    @Test
    void authorizeNeedsTheTemplateLinkedFileToExist() throws IOException {
        CliRunner.Result r = cedar(authorize(policies(), tmp.resolve("none.json"), "User::\"alice\""));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void validateChecksTheLinkedPoliciesToo() throws IOException {
        Path schema = Files.writeString(tmp.resolve("s.cedarschema"),
                "entity User; entity Album; entity Photo in [Album]; action view appliesTo { principal: User, resource: [Photo, Album] };");
        Path links = Files.writeString(tmp.resolve("links.json"),
                "[{\"template_id\": \"viewers\", \"link_id\": \"l\", \"args\": {\"?principal\": \"Usr::\\\"alice\\\"\", "
                        + "\"?resource\": \"Album::\\\"a\\\"\"}}]");
        assertThat(cedar("validate", "-p", policies().toString(), "-s", schema.toString()).exitCode()).isZero();
        CliRunner.Result r = cedar("validate", "-p", policies().toString(), "-s", schema.toString(), "-k", links.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("Usr");
    }

    @Test
    void nullArgumentsAreCleanErrors() throws IOException {
        Path policies = policies();
        for (String arguments : new String[] {"null", "[]", "{\"?principal\": null}", "{\"?principal\": 1}"}) {
            CliRunner.Result r = cedar("link", "-p", policies.toString(), "--template-id", "viewers", "-n", "x", "-a", arguments);
            assertThat(r.exitCode()).as(arguments).isEqualTo(1);
            assertThat(r.err()).as(arguments).startsWith("error: `--arguments`").doesNotContain("Exception");
        }
    }

    @Test
    void aMalformedTemplateLinkedFileSaysWhatIsWrong() throws IOException {
        Path policies = policies();
        for (String content : new String[] {"{}", "[{\"template_id\": \"viewers\"}]", "[{\"template_id\": \"viewers\", "
                + "\"link_id\": \"l\", \"args\": {\"?principal\": null}}]", "[1]", "[{"}) {
            Path links = Files.writeString(tmp.resolve("links.json"), content);
            CliRunner.Result r = cedar(authorize(policies, links, "User::\"alice\""));
            assertThat(r.exitCode()).as(content).isEqualTo(1);
            assertThat(r.err()).as(content).contains("template-linked policies").doesNotContain("Exception");
        }
    }
}
