package io.cedarwood.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our validation verdicts against the reference's: for every dev corpus case, whether the policy set
 * and each policy pass in strict and in permissive mode (never the message text); and for every
 * hand-written integration test, its {@code shouldValidate}.
 */
class ValidationCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> corpusVerdictsMatchTheReference() throws IOException {
        Path expected = SharedData.expectedResultsDir().resolve("validation");
        Path root = SharedData.integrationTestsRoot();
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".validation.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(3900);
        return files.stream().map(f -> {
            String sha = f.getFileName().toString().replace(".validation.json", "");
            return DynamicTest.dynamicTest(sha, () -> checkCase(root.resolve("corpus-tests"), sha, f));
        });
    }

    private static void checkCase(Path corpus, String sha, Path expectedFile) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile()).get("policyValidation");
        Schema schema = Schema.parseCedarSchema(Files.readString(corpus.resolve(sha + ".cedarschema")));
        PolicySet policies = PolicySet.parse(Files.readString(corpus.resolve(sha + ".cedar")));
        Validator validator = new Validator(schema);
        ValidationResult strict = validator.validate(policies, ValidationMode.STRICT);
        ValidationResult permissive = validator.validate(policies, ValidationMode.PERMISSIVE);

        List<String> differences = new ArrayList<>();
        compare("the policy set, strict", expected.get("strict").asBoolean(), strict.passed(), strict, differences);
        compare("the policy set, permissive", expected.get("permissive").asBoolean(), permissive.passed(), permissive,
                differences);
        Iterator<Map.Entry<String, JsonNode>> perPolicy = expected.get("perPolicy").fields();
        while (perPolicy.hasNext()) {
            Map.Entry<String, JsonNode> e = perPolicy.next();
            PolicyId id = PolicyId.of(e.getKey());
            compare(e.getKey() + ", strict", e.getValue().get("strict").asBoolean(), strict.passed(id), strict,
                    differences);
            compare(e.getKey() + ", permissive", e.getValue().get("permissive").asBoolean(), permissive.passed(id),
                    permissive, differences);
        }
        JsonNode test = JSON.readTree(corpus.resolve(sha + ".json").toFile());
        compare("shouldValidate", test.get("shouldValidate").asBoolean(), strict.passed(), strict, differences);
        assertThat(differences).as("verdicts that differ from the reference's").isEmpty();
    }

    private static void compare(String what, boolean expected, boolean actual, ValidationResult result,
                                List<String> differences) {
        if (expected != actual) {
            differences.add(what + ": expected " + (expected ? "pass" : "fail") + ", got "
                    + (actual ? "pass" : "fail " + result.errors()));
        }
    }

    @TestFactory
    Stream<DynamicTest> handWrittenTestsValidateAsTheySay() throws IOException {
        Path root = SharedData.integrationTestsRoot();
        List<Path> tests;
        try (Stream<Path> s = Files.walk(root.resolve("tests"))) {
            tests = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".entities.json"))
                    .sorted().toList();
        }
        assertThat(tests).isNotEmpty();
        return tests.stream().map(t -> DynamicTest.dynamicTest(root.relativize(t).toString(), () -> {
            JsonNode test = JSON.readTree(t.toFile());
            Schema schema = Schema.parseCedarSchema(read(root.resolve(test.get("schema").asText())));
            PolicySet policies = PolicySet.parse(read(root.resolve(test.get("policies").asText())));
            ValidationResult result = new Validator(schema).validate(policies);
            assertThat(result.passed()).as("passes strict validation; errors: %s", result.errors())
                    .isEqualTo(test.get("shouldValidate").asBoolean());
        }));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
