package io.cedarwood.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.RequestValidationException;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs test files in the format of the public Cedar integration-test suite
 * ({@code cedar-policy/cedar-integration-tests}): a policy file, an entities file, a schema, and requests
 * with their expected decision, determining policies and erroring policies. Paths inside a test file are
 * relative to the suite's root folder.
 *
 * <p>As in the reference's harness ({@code cedar-testing/src/integration_testing.rs}), the schema is read
 * from {@code schema} (the human format, or JSON when {@code schemaFormat} is {@code json} or the file ends
 * with {@code .json}), the entities are read with the schema (they must conform; action entities come
 * from the schema), and each request's context is read with the schema. Each request is one check: it
 * must be read, pass request validation unless {@code validateRequest} is {@code false}, and its decision,
 * reason set and error set must all match. One more check per file: whether the policies pass strict
 * validation against the schema must match {@code shouldValidate}.
 *
 * <p>Beyond the public format, {@code schema} may be left out (our differential tests save cases they
 * compared without a schema that way): entities and contexts are then read without one, requests are not
 * validated and there is no {@code shouldValidate} check.
 */
public final class IntegrationTestRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    private final Authorizer authorizer = new Authorizer();

    /** A runner for test files whose paths are relative to {@code root}. */
    public IntegrationTestRunner(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** One check's outcome: {@code mismatch} is {@code null} when it passed. */
    public record Check(Path file, String description, String mismatch) {
        public boolean passed() {
            return mismatch == null;
        }

        @Override
        public String toString() {
            return (passed() ? "ok   " : "FAIL ") + file + ": " + description + (passed() ? "" : ": " + mismatch);
        }
    }

    /**
     * Every test file of the suite: {@code tests/**}{@code /*.json} and {@code corpus-tests/*.json},
     * skipping entity files, in a stable order.
     */
    public List<Path> discover() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("tests", "corpus-tests")) {
            Path d = root.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".entities.json"))
                            .filter(IntegrationTestRunner::looksLikeATest)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** Whether a JSON file is a test (an object naming its policies) rather than, say, an entities file. */
    private static boolean looksLikeATest(Path file) {
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            return node != null && node.isObject() && node.has("policies") && node.has("requests");
        } catch (IOException e) {
            return true; // let run() report it
        }
    }

    /**
     * Runs one test file: one check per request and one for {@code shouldValidate}, or a single failed
     * check when the file can't be set up.
     */
    public List<Check> run(Path testFile) {
        Path shown = testFile.isAbsolute() && testFile.startsWith(root) ? root.relativize(testFile) : testFile;
        JsonNode test;
        PolicySet policies;
        Schema schema;
        Entities entities;
        try {
            test = MAPPER.readTree(resolve(testFile).toFile());
            policies = readPolicies(test);
            schema = test.has("schema") ? readSchema(test) : null;
            String entitiesJson = read(test, "entities");
            entities = Entities.of(schema == null
                    ? CedarJson.readEntities(entitiesJson)
                    : CedarJson.readEntities(entitiesJson, schema));
        } catch (IOException | CedarException e) {
            return List.of(new Check(shown, "set-up", "could not load the test: " + e.getMessage()));
        }
        List<Check> checks = new ArrayList<>();
        if (schema != null) {
            checks.add(new Check(shown, "policy validation", checkValidation(test, schema, policies)));
        }
        for (JsonNode req : test.path("requests")) {
            String description = req.path("description").asText("(no description)");
            checks.add(new Check(shown, description, check(req, schema, policies, entities)));
        }
        return checks;
    }

    private String checkValidation(JsonNode test, Schema schema, PolicySet policies) {
        boolean expected = test.path("shouldValidate").asBoolean(false);
        boolean passed;
        try {
            passed = new Validator(schema).validate(policies, ValidationMode.STRICT).passed();
        } catch (CedarException e) {
            return "the validator failed: " + e.getMessage();
        }
        if (passed == expected) {
            return null;
        }
        return expected ? "the policies fail strict validation, expected them to pass"
                : "the policies pass strict validation, expected them to fail";
    }

    private String check(JsonNode req, Schema schema, PolicySet policies, Entities entities) {
        Request request;
        try {
            EntityUid principal = CedarJson.readEntityUid(req.path("principal").toString());
            EntityUid action = CedarJson.readEntityUid(req.path("action").toString());
            EntityUid resource = CedarJson.readEntityUid(req.path("resource").toString());
            String contextJson = req.path("context").toString();
            RecordValue context = schema == null
                    ? CedarJson.readContext(contextJson)
                    : CedarJson.readContext(contextJson, schema, action);
            request = new Request(principal, action, resource, context);
        } catch (CedarException e) {
            return "could not build the request: " + e.getMessage();
        }
        if (schema != null && req.path("validateRequest").asBoolean(true)) {
            try {
                schema.validateRequest(request);
            } catch (RequestValidationException e) {
                return "the request does not validate against the schema: " + e.getMessage();
            }
        }
        Response response = authorizer.isAuthorized(request, policies, entities);
        List<String> problems = new ArrayList<>();
        Decision expected = req.path("decision").asText().equalsIgnoreCase("allow") ? Decision.ALLOW : Decision.DENY;
        if (response.decision() != expected) {
            problems.add("decision " + response.decision() + ", expected " + expected);
        }
        Set<String> reason = ids(response.diagnostics().reason().stream().map(PolicyId::value));
        Set<String> expectedReason = ids(req.path("reason"));
        if (!reason.equals(expectedReason)) {
            problems.add("reason " + reason + ", expected " + expectedReason);
        }
        Set<String> errors = ids(response.diagnostics().errors().stream().map(e -> e.policyId().value()));
        Set<String> expectedErrors = ids(req.path("errors"));
        if (!errors.equals(expectedErrors)) {
            problems.add("errors " + errors + ", expected " + expectedErrors
                    + " (" + response.diagnostics().errors() + ")");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The schema, in the human format unless {@code schemaFormat} says {@code json} or the file ends with {@code .json}. */
    private Schema readSchema(JsonNode test) throws IOException {
        String text = read(test, "schema");
        boolean json = "json".equalsIgnoreCase(test.path("schemaFormat").asText(""))
                || test.path("schema").asText().endsWith(".json");
        return json ? Schema.parseJson(text) : Schema.parseCedarSchema(text);
    }

    private PolicySet readPolicies(JsonNode test) throws IOException {
        String text = read(test, "policies");
        return "json".equalsIgnoreCase(test.path("policyFormat").asText("cedar"))
                ? CedarJson.readPolicySet(text)
                : PolicySet.parse(text);
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String read(JsonNode test, String field) throws IOException {
        JsonNode path = test.path(field);
        if (!path.isTextual() || path.asText().isEmpty()) {
            throw new IOException("the test has no `" + field + "` file");
        }
        return Files.readString(resolve(Path.of(path.asText())));
    }

    private Path resolve(Path p) {
        return p.isAbsolute() ? p : root.resolve(p);
    }
}
