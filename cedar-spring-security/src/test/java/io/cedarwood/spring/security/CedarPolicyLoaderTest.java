package io.cedarwood.spring.security;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.schema.Schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarPolicyLoaderTest {
    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toUri().toString();
    }

    private static List<String> ids(CedarPolicies policies) {
        return policies.policies().policies().stream().map(Policy::id).map(PolicyId::value).toList();
    }

    @Test
    void idsComeFromIdAnnotationsOrAreCountedAcrossFiles() throws IOException {
        String a = file("a.cedar", "permit(principal, action, resource);\n@id(\"named\") forbid(principal, action, resource);");
        String b = file("b.cedar", "permit(principal, action, resource);");
        CedarPolicies loaded = CedarPolicyLoader.builder().policies(a, b).build().load();
        assertThat(ids(loaded)).containsExactly("policy0", "named", "policy2");
    }

    @Test
    void aDirectoryMeansEveryCedarFileBelowItInPathOrder() throws IOException {
        file("z.cedar", "@id(\"z\") permit(principal, action, resource);");
        file("sub/a.cedar", "@id(\"sub-a\") permit(principal, action, resource);");
        file("notes.txt", "not policies");
        CedarPolicies loaded = CedarPolicyLoader.builder().policies(dir.toUri().toString()).build().load();
        assertThat(ids(loaded)).containsExactly("sub-a", "z");
    }

    @Test
    void aPatternFindsFilesOnTheClasspath() {
        CedarPolicies loaded = CedarPolicyLoader.builder().policies("classpath*:cedar/*.cedar").build().load();
        assertThat(ids(loaded)).contains("owner", "loopback-only");
    }

    @Test
    void aParseErrorNamesTheFileAndShowsTheSource() throws IOException {
        String bad = file("bad.cedar", "permit(principal, action, resource) when { 1 + };");
        assertThatThrownBy(() -> CedarPolicyLoader.builder().policies(bad).build().load())
                .isInstanceOf(CedarPolicyLoadException.class)
                .hasMessageContaining("bad.cedar")
                .hasMessageContaining("unexpected token `}`")
                .hasMessageContaining("^");
    }

    @Test
    void twoPoliciesWithOneIdAnnotationAreAnError() throws IOException {
        String a = file("a.cedar", "@id(\"x\") permit(principal, action, resource);");
        String b = file("b.cedar", "@id(\"x\") forbid(principal, action, resource);");
        assertThatThrownBy(() -> CedarPolicyLoader.builder().policies(a, b).build().load())
                .hasMessageContaining("two policies have `@id(\"x\")`");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> CedarPolicyLoader.builder().policies(dir.resolve("none.cedar").toUri().toString()).build().load())
                .hasMessageContaining("no policy file found");
    }

    @Test
    void theSchemaFormatFollowsTheFileExtension() throws IOException {
        String human = "entity User; action view appliesTo { principal: User, resource: User };";
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String cedarSchema = file("s.cedarschema", human);
        String jsonSchema = file("s.json", Schema.parseCedarSchema(human).toJson());
        CedarPolicies fromHuman = CedarPolicyLoader.builder().policies(policies).schema(cedarSchema).validate(false).build().load();
        CedarPolicies fromJson = CedarPolicyLoader.builder().policies(policies).schema(jsonSchema).validate(false).build().load();
        assertThat(fromJson.schema()).isEqualTo(fromHuman.schema());
        assertThat(fromJson.actionEntities()).extracting(e -> e.uid().toString()).containsExactly("Action::\"view\"");
    }

    @Test
    void aSchemaErrorNamesTheFile() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String schema = file("s.cedarschema", "entity User in [");
        assertThatThrownBy(() -> CedarPolicyLoader.builder().policies(policies).schema(schema).validate(false).build().load())
                .hasMessageContaining("invalid schema in")
                .hasMessageContaining("s.cedarschema");
    }

    @Test
    void theValidatorsProblemsFailTheLoad() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String schema = file("s.cedarschema", "entity User;");
        CedarPolicyLoader loader = CedarPolicyLoader.builder().policies(policies).schema(schema)
                .validator((set, s) -> List.of("policy `policy0`: something is wrong"))
                .build();
        assertThat(loader.validates()).isTrue();
        assertThatThrownBy(loader::load).hasMessageContaining("policy `policy0`: something is wrong");
    }

    @Test
    void validatingNeedsASchema() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        assertThatThrownBy(() -> CedarPolicyLoader.builder().policies(policies).validate(true).build())
                .hasMessageContaining("only against a schema");
    }
}
