package io.cedarwood.engine.schema;

import io.cedarwood.engine.testing.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.value.CedarException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema of the dev corpus, against the reference's translation of it to JSON.
 *
 * <p>"Equivalent" here is strict: our JSON for a human-format schema and the reference's JSON are equal
 * as JSON trees (objects compared without regard to key order, arrays in order, no defaults filled
 * in), and reading the reference's JSON gives a schema equal to ours, as written and as resolved.
 */
class SchemaCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Corpus schemas by test id (the sha). */
    private static Map<String, String> schemas;
    /** The reference's JSON translations by test id; missing for schemas the reference tool skipped. */
    private static Map<String, String> expectedJson;

    @BeforeAll
    static void load() {
        Path dir = SharedData.integrationTestsDir();
        schemas = new TreeMap<>();
        SharedData.readTarGz(dir.resolve("corpus-tests-dev.tar.gz"), n -> n.endsWith(".cedarschema"))
                .forEach((name, text) -> schemas.put(id(name, ".cedarschema"), text));
        expectedJson = new TreeMap<>();
        SharedData.readTarGz(dir.resolve("expected-validation-and-json-schemas-dev.tar.gz"),
                        n -> n.startsWith("json-schemas/") && n.endsWith(".cedarschema.json"))
                .forEach((name, text) -> expectedJson.put(id(name, ".cedarschema.json"), text));
    }

    private static String id(String name, String suffix) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.substring(0, base.length() - suffix.length());
    }

    @Test
    void corpusIsThere() {
        assertThat(schemas).hasSizeGreaterThan(3900);
        assertThat(expectedJson).hasSizeGreaterThan(3900);
        assertThat(schemas.keySet()).containsAll(expectedJson.keySet());
    }

    @Test
    void everyCorpusSchemaParses() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : schemas.entrySet()) {
            try {
                Schema.parseCedarSchema(e.getValue());
            } catch (CedarException ex) {
                failures.add(e.getKey() + ":\n" + ex.getMessage());
            }
        }
        assertThat(failures).as("schemas that do not parse").isEmpty();
    }

    @Test
    void translationToJsonMatchesTheReference() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, String> e : expectedJson.entrySet()) {
            String id = e.getKey();
            Schema ours = Schema.parseCedarSchema(schemas.get(id));
            JsonNode expected = tree(e.getValue());
            if (!tree(ours.toJson()).equals(expected)) {
                failures.add(id + ": JSON differs\nours:     " + tree(ours.toJson()) + "\nexpected: " + expected);
            }
            Schema reference = Schema.parseJson(e.getValue());
            if (!reference.fragment().equals(ours.fragment()) || !reference.resolved().equals(ours.resolved())) {
                failures.add(id + ": the reference's JSON reads as a different schema");
            }
            compared++;
        }
        assertThat(failures).as("schemas whose translation differs").isEmpty();
        assertThat(compared).isEqualTo(expectedJson.size());
    }

    @Test
    void humanToJsonToHumanToJsonIsStable() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : schemas.entrySet()) {
            Schema first = Schema.parseCedarSchema(e.getValue());
            String json = first.toJson();
            Schema fromJson = Schema.parseJson(json);
            String human = fromJson.toCedarSchema();
            Schema second = Schema.parseCedarSchema(human);
            if (!second.equals(first) || !tree(second.toJson()).equals(tree(json))
                    || !second.resolved().equals(first.resolved()) || !fromJson.equals(first)) {
                failures.add(e.getKey() + ":\n" + human);
            }
        }
        assertThat(failures).as("schemas that do not round-trip").isEmpty();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
