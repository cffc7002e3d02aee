package io.cedarwood.jakarta;

import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.engine.authz.PolicySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarResourcesTest {
    @TempDir
    Path dir;

    @Test
    void policiesWhenSeveralFilesThenIdsFromAnnotationsOrCountedAcrossFiles() throws IOException {
        Path a = Files.writeString(dir.resolve("a.cedar"), "permit(principal, action, resource);\n@id(\"owner\") permit(principal, action, resource);");
        Path b = Files.writeString(dir.resolve("b.cedar"), "forbid(principal, action, resource);");
        PolicySet set = policies(a + ", file:" + b);
        assertThat(set.policies()).extracting(p -> p.id().value()).containsExactly("policy0", "owner", "policy2");
    }

    @Test
    void policiesWhenDuplicateIdOrParseErrorThenNamesTheFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.cedar"), "@id(\"x\") permit(principal, action, resource);");
        Path b = Files.writeString(dir.resolve("b.cedar"), "@id(\"x\") forbid(principal, action, resource);");
        assertThatThrownBy(() -> policies(a + "," + b)).hasMessageContaining("two policies have the id `x`")
                .hasMessageContaining("b.cedar");
        Path bad = Files.writeString(dir.resolve("bad.cedar"), "permit(principal, action, resource) when { 1 + };");
        assertThatThrownBy(() -> policies(bad.toString())).hasMessageContaining("invalid policies in `" + bad + "`");
    }

    @Test
    void readWhenClasspathOrMissingThenTextOrEmpty() {
        assertThat(CedarResources.read("classpath:todo/routes.txt")).hasValueSatisfying(t -> assertThat(t).contains("GetList"));
        assertThat(CedarResources.read("classpath:/todo/routes.txt")).isPresent();
        assertThat(CedarResources.read("classpath:nothing/here")).isEmpty();
        assertThat(CedarResources.read(dir.resolve("none").toString())).isEmpty();
    }

    private static PolicySet policies(String locations) {
        return PolicyLoader.of(CedarResources.locations(locations, null)).load().policies();
    }
}
