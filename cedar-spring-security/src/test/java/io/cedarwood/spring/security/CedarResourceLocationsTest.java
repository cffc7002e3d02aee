package io.cedarwood.spring.security;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyValidator;
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

class CedarResourceLocationsTest {
    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toUri().toString();
    }

    private static PolicyLoader loader(List<String> policies, String schema, Boolean validate, PolicyValidator validator) {
        return PolicyLoader.of(new CedarResourceLocations(policies, schema), validator, validate);
    }

    private static PolicyLoader loader(String... policies) {
        return loader(List.of(policies), null, null, null);
    }

    private static List<String> ids(PolicyBundle policies) {
        return policies.policies().policies().stream().map(Policy::id).map(PolicyId::value).toList();
    }

    @Test
    void idsComeFromIdAnnotationsOrAreCountedAcrossFiles() throws IOException {
        String a = file("a.cedar", "permit(principal, action, resource);\n@id(\"named\") forbid(principal, action, resource);");
        String b = file("b.cedar", "permit(principal, action, resource);");
        PolicyBundle loaded = loader(a, b).load();
        assertThat(ids(loaded)).containsExactly("policy0", "named", "policy2");
    }

    @Test
    void aDirectoryMeansEveryCedarFileBelowItInPathOrder() throws IOException {
        file("z.cedar", "@id(\"z\") permit(principal, action, resource);");
        file("sub/a.cedar", "@id(\"sub-a\") permit(principal, action, resource);");
        file("notes.txt", "not policies");
        PolicyBundle loaded = loader(dir.toUri().toString()).load();
        assertThat(ids(loaded)).containsExactly("sub-a", "z");
    }

    @Test
    void aPatternFindsFilesOnTheClasspath() {
        PolicyBundle loaded = loader("classpath*:cedar/*.cedar").load();
        assertThat(ids(loaded)).contains("owner", "loopback-only");
    }

    @Test
    void aParseErrorNamesTheFileAndShowsTheSource() throws IOException {
        String bad = file("bad.cedar", "permit(principal, action, resource) when { 1 + };");
        assertThatThrownBy(() -> loader(bad).load())
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("bad.cedar")
                .hasMessageContaining("unexpected token `}`")
                .hasMessageContaining("^");
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws IOException {
        Path p = dir.resolve("latin1.cedar");
        Files.write(p, new byte[] {'/', '/', ' ', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> loader(p.toUri().toString()).load()).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void twoPoliciesWithOneIdAnnotationAreAnError() throws IOException {
        String a = file("a.cedar", "@id(\"x\") permit(principal, action, resource);");
        String b = file("b.cedar", "@id(\"x\") forbid(principal, action, resource);");
        assertThatThrownBy(() -> loader(a, b).load())
                .hasMessageContaining("two policies have the id `x`");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> loader(dir.resolve("none.cedar").toUri().toString()).load())
                .hasMessageContaining("no policy file found");
    }

    @Test
    void theSchemaFormatFollowsTheFileExtension() throws IOException {
        String human = "entity User; action view appliesTo { principal: User, resource: User };";
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String cedarSchema = file("s.cedarschema", human);
        String jsonSchema = file("s.json", Schema.parseCedarSchema(human).toJson());
        PolicyBundle fromHuman = loader(List.of(policies), cedarSchema, false, null).load();
        PolicyBundle fromJson = loader(List.of(policies), jsonSchema, false, null).load();
        assertThat(fromJson.schema()).isEqualTo(fromHuman.schema());
        assertThat(fromJson.actionEntities()).extracting(e -> e.uid().toString()).containsExactly("Action::\"view\"");
    }

    @Test
    void aSchemaErrorNamesTheFile() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String schema = file("s.cedarschema", "entity User in [");
        assertThatThrownBy(() -> loader(List.of(policies), schema, false, null).load())
                .hasMessageContaining("invalid schema in")
                .hasMessageContaining("s.cedarschema");
    }

    @Test
    void theValidatorsProblemsFailTheLoad() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        String schema = file("s.cedarschema", "entity User;");
        PolicyLoader loader = loader(List.of(policies), schema, null, (set, s) -> List.of("policy `policy0`: something is wrong"));
        assertThatThrownBy(loader::load).hasMessageContaining("policy `policy0`: something is wrong");
    }

    @Test
    void validatingNeedsASchema() throws IOException {
        String policies = file("p.cedar", "permit(principal, action, resource);");
        assertThatThrownBy(() -> loader(List.of(policies), null, true, null).load())
                .hasMessageContaining("only against a schema");
    }
}
