package io.cedarwood.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.testing.SharedData;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reference's verdicts on the dev corpus's entities and requests
 * ({@code validation/<sha>.validation.json}: {@code entityValidation.perEntity}, {@code requestValidation[]})
 * against ours: each entity read alone with the schema, the whole entity file read with the schema, and
 * each request's context read with the schema and the request validated. Pass or fail is compared, never
 * messages; one dynamic test per corpus case lists every difference.
 */
class ReferenceEntityAndRequestValidationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> entityAndRequestVerdictsAgreeWithTheReference() throws IOException {
        Path expected = SharedData.expectedResultsDir().resolve("validation");
        Path root = SharedData.integrationTestsRoot();
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".validation.json")).sorted().toList();
        }
        assertThat(files).as("expected results under " + expected).hasSizeGreaterThan(3900);
        return files.stream().map(file -> {
            String sha = file.getFileName().toString().replace(".validation.json", "");
            return DynamicTest.dynamicTest(sha, () -> {
                List<String> differences = compare(MAPPER.readTree(file.toFile()),
                        MAPPER.readTree(root.resolve("corpus-tests").resolve(sha + ".json").toFile()), root);
                if (!differences.isEmpty()) {
                    fail(differences.size() + " verdicts differ from the reference's:\n" + String.join("\n", differences));
                }
            });
        });
    }

    private static List<String> compare(JsonNode reference, JsonNode test, Path root) throws IOException {
        List<String> differences = new ArrayList<>();
        Schema schema = Schema.parseCedarSchema(Files.readString(root.resolve(test.path("schema").asText())));
        String entitiesJson = Files.readString(root.resolve(test.path("entities").asText()));

        // each entity alone, keyed as the reference keys them: type, `::`, id as is
        Map<String, String> ours = new TreeMap<>();
        for (JsonNode entity : MAPPER.readTree(entitiesJson)) {
            String key = entity.path("uid").path("type").asText() + "::" + entity.path("uid").path("id").asText();
            String problem = problem(() -> Entities.of(CedarJson.readEntities("[" + entity + "]", schema)));
            ours.merge(key, problem == null ? "" : problem, (a, b) -> a.isEmpty() ? b : a);
        }
        Map<String, Boolean> theirs = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.path("entityValidation").path("perEntity").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            theirs.put(e.getKey(), e.getValue().isNull() || e.getValue().isEmpty());
        }
        if (!ours.keySet().equals(theirs.keySet())) {
            differences.add("entities: we read " + ours.keySet() + ", the reference judged " + theirs.keySet());
        }
        boolean allPass = true;
        for (Map.Entry<String, Boolean> e : theirs.entrySet()) {
            String problem = ours.get(e.getKey());
            allPass &= e.getValue();
            if (problem != null && problem.isEmpty() != e.getValue()) {
                differences.add("entity `" + e.getKey() + "`: the reference " + verdict(e.getValue())
                        + ", we " + (problem.isEmpty() ? "pass it" : "fail it: " + problem));
            }
        }

        // the whole file
        String whole = problem(() -> Entities.of(CedarJson.readEntities(entitiesJson, schema)));
        if ((whole == null) != allPass) {
            differences.add("entity file: the reference " + verdict(allPass) + " its entities, we "
                    + (whole == null ? "pass it" : "fail it: " + whole));
        }

        // requests
        JsonNode requests = test.path("requests");
        JsonNode verdicts = reference.path("requestValidation");
        if (requests.size() != verdicts.size()) {
            differences.add("requests: " + requests.size() + " in the test, " + verdicts.size() + " verdicts");
        }
        for (int i = 0; i < Math.min(requests.size(), verdicts.size()); i++) {
            JsonNode req = requests.get(i);
            JsonNode verdict = verdicts.get(i);
            String description = req.path("description").asText();
            if (!description.equals(verdict.path("description").asText())) {
                differences.add("request " + i + ": `" + description + "` is `" + verdict.path("description").asText()
                        + "` in the reference");
                continue;
            }
            boolean passes = verdict.path("strict").asBoolean();
            String problem = problem(() -> {
                EntityUid action = CedarJson.readEntityUid(req.path("action").toString());
                schema.validateRequest(new Request(CedarJson.readEntityUid(req.path("principal").toString()), action,
                        CedarJson.readEntityUid(req.path("resource").toString()),
                        CedarJson.readContext(req.path("context").toString(), schema, action)));
            });
            if ((problem == null) != passes) {
                differences.add("request `" + description + "`: the reference " + verdict(passes) + ", we "
                        + (problem == null ? "pass it" : "fail it: " + problem));
            }
        }
        return differences;
    }

    private static String verdict(boolean passes) {
        return passes ? "passes it" : "fails it";
    }

    /** The message of the {@link CedarException} the action throws, or {@code null}. */
    private static String problem(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CedarException e) {
            return e.getMessage();
        }
    }
}
