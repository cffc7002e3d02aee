package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays every disagreement the differential tests ever found (minimized, with the reference's answers),
 * from {@code src/test/resources/drt-regressions}. No reference is needed. The {@code authorization} files
 * are in the integration-test format and are replayed by cedar-cli's {@code DrtRegressionReplayTest},
 * beside the runner of that format.
 */
class DrtRegressionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path root() {
        try {
            return Path.of(DrtRegressionTest.class.getResource("/drt-regressions").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> tests(String folder) throws IOException {
        Path dir = root().resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".entities.json")
                    && !p.toString().endsWith(".policies.json")).sorted().toList();
        }
    }

    private static JsonNode json(Path p) throws IOException {
        return MAPPER.readTree(p.toFile());
    }

    private static String text(String relative) throws IOException {
        return Files.readString(root().resolve(relative));
    }

    @Test
    void regressionFolderIsThere() {
        assertThat(root().resolve("README.md")).exists();
    }

    @TestFactory
    List<DynamicTest> inputsTheReferenceRejectsAreRejected() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("rejected")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                assertThatThrownBy(() -> {
                    String policies = text(test.path("policies").asText());
                    if ("json".equals(test.path("policyFormat").asText())) {
                        CedarJson.readPolicySet(policies);
                    } else {
                        PolicySet.parse(policies);
                    }
                    Entities.of(CedarJson.readEntities(text(test.path("entities").asText())));
                }).isInstanceOf(CedarException.class);
            }));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> parsingAgreesWithTheReference() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("parse")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                boolean expected = test.path("referenceAccepts").asBoolean();
                if (test.has("entities")) {
                    assertThat(ParseTarget.oursAcceptsEntities(text(test.path("entities").asText()))).isEqualTo(expected);
                    return;
                }
                if (test.has("jsonSchema")) {
                    assertThat(ParseTarget.oursAcceptsJsonSchema(text(test.path("jsonSchema").asText())))
                            .isEqualTo(expected);
                    return;
                }
                if (test.has("schema")) {
                    assertThat(ParseTarget.oursAcceptsSchema(text(test.path("schema").asText()))).isEqualTo(expected);
                    return;
                }
                String policies = text(test.path("policies").asText());
                PolicySet ours = ParseTarget.oursParse(policies);
                assertThat(ours != null).as("accepts").isEqualTo(expected);
                JsonNode reference = test.path("referenceJson").path("staticPolicies");
                if (ours != null && reference.isObject()) {
                    for (Policy p : ours.policies()) {
                        assertThat(CedarJson.readPolicy(p.id(), reference.path(p.id().value()).toString())).isEqualTo(p);
                    }
                    assertThat(ours.policies()).hasSize(reference.size());
                }
            }));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> policyJsonAgreesWithTheReference() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("policy-json")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                Policy parsed = PolicySet.parse(text(test.path("policies").asText())).policies().iterator().next();
                if (test.path("referenceJson").isObject()) {
                    assertThat(CedarJson.readPolicy(parsed.id(), test.path("referenceJson").toString())).isEqualTo(parsed);
                }
                assertThat(test.path("referenceTextOfOurJson").isTextual()).as("the reference read our JSON").isTrue();
                assertThat(PolicyParser.parsePolicy(parsed.id(), test.path("referenceTextOfOurJson").asText())).isEqualTo(parsed);
            }));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> schemaTranslationAgreesWithTheReference() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("schema")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                String text = text(test.path("schema").asText());
                assertThat(ParseTarget.oursAcceptsSchema(text)).isEqualTo(test.path("referenceAccepts").asBoolean());
                if (test.has("referenceJson")) {
                    Schema ours = Schema.parseCedarSchema(text);
                    assertThat(MAPPER.readTree(ours.toJson())).isEqualTo(test.path("referenceJson"));
                    assertThat(MAPPER.readTree(Schema.parseCedarSchema(ours.toCedarSchema()).toJson()))
                            .isEqualTo(test.path("referenceJson"));
                }
            }));
        }
        return out;
    }
    @TestFactory
    List<DynamicTest> strictValidationVerdictsAreTheReferences() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("validation")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                Set<String> ours;
                try {
                    Schema schema = Schema.parseCedarSchema(text(test.path("schema").asText()));
                    String policies = text(test.path("policies").asText());
                    PolicySet set = "json".equals(test.path("policyFormat").asText())
                            ? CedarJson.readPolicySet(policies) : PolicySet.parse(policies);
                    ours = ValidationTarget.failing(new io.cedarwood.engine.Validator(schema)
                            .validate(set, io.cedarwood.engine.validation.ValidationMode.STRICT));
                } catch (CedarException e) {
                    ours = null;
                }
                JsonNode expected = test.path("referenceValidates");
                assertThat(ours == null ? null : ours.isEmpty())
                        .isEqualTo(expected.isBoolean() ? expected.asBoolean() : null);
                if (test.has("referenceFailing")) {
                    Set<String> expectedFailing = new java.util.TreeSet<>();
                    test.path("referenceFailing").forEach(id -> expectedFailing.add(id.asText()));
                    assertThat(ours).isEqualTo(expectedFailing);
                }
            }));
        }
        return out;
    }
    @TestFactory
    List<DynamicTest> entityValidationVerdictsAreTheReferences() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path file : tests("entity-validation")) {
            out.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                JsonNode test = json(file);
                boolean ours;
                try {
                    Entities.of(CedarJson.readEntities(text(test.path("entities").asText()),
                            Schema.parseCedarSchema(text(test.path("schema").asText()))));
                    ours = true;
                } catch (CedarException e) {
                    ours = false;
                }
                assertThat(ours).isEqualTo(test.path("referenceConforms").asBoolean());
            }));
        }
        return out;
    }
}
