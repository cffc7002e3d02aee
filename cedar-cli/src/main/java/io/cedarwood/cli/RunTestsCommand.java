package io.cedarwood.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationResult;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.json.CedarJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Runs test cases on a policy set, in the reference CLI's test-file format: a JSON array of
 * {@code {"name"?, "request": {"principal", "action", "resource", "context"}, "entities": [...],
 * "decision": "allow"|"deny", "reason": [policy ids], "num_errors": N}}. A test passes when the decision is
 * the expected one, every expected reason is among the determining policies, and exactly
 * {@code num_errors} policies errored. With a schema, the policies must validate (strict, no warnings),
 * and entities and context are read by their declared types and the request validated.
 */
@Command(name = "run-tests", description = "Run test cases on a policy set (the reference CLI's test-file format)",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every test passed", "1:a test failed, or the inputs could not be read"})
final class RunTestsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Option(names = "--tests", required = true, paramLabel = "FILE", description = "File containing the tests as JSON")
    String testsFile;

    @Mixin
    SchemaOptions schemaOptions;

    @Override
    public Integer call() {
        PolicySet set = policies.policySet();
        JsonNode tests = readTests();
        Schema schema = schemaOptions.given() ? schemaOptions.schema() : null;
        PrintWriter out = spec.commandLine().getOut();
        out.println("running " + tests.size() + " test(s)");
        int failed = 0;
        for (JsonNode test : tests) {
            JsonNode name = test.get("name");
            out.print("  test " + (name != null && name.isTextual() ? name.asText() : "(unnamed)") + " ... ");
            try {
                String failure = run(set, test, schema);
                if (failure == null) {
                    out.println("ok");
                } else {
                    failed++;
                    out.println("fail: " + failure);
                }
            } catch (CedarException e) {
                failed++;
                out.println("error:");
                out.println("  " + ErrorReport.human(e).replace("\n", "\n  "));
            }
        }
        out.println("results: " + (tests.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? CedarCli.SUCCESS : CedarCli.FAILURE;
    }

    private JsonNode readTests() {
        String text = Cli.readFileOrStdin(testsFile, "tests");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new CedarException("failed to parse the tests in `" + testsFile + "`: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new CedarException("failed to parse the tests in `" + testsFile + "`: expected a JSON array of tests");
        }
        return root;
    }

    /** Runs one test: {@code null} when it passes, else why it failed. */
    private static String run(PolicySet set, JsonNode test, Schema schema) {
        if (!test.isObject()) {
            throw new CedarException("a test must be a JSON object");
        }
        JsonNode requestJson = field(test, "request");
        JsonNode entitiesJson = field(test, "entities");
        String decision = field(test, "decision").asText();
        if (!field(test, "decision").isTextual() || !(decision.equals("allow") || decision.equals("deny"))) {
            throw new CedarException("`decision` must be \"allow\" or \"deny\"");
        }
        JsonNode reasonJson = field(test, "reason");
        if (!reasonJson.isArray()) {
            throw new CedarException("`reason` must be an array of policy ids");
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : reasonJson) {
            if (!r.isTextual()) {
                throw new CedarException("`reason` must be an array of policy ids");
            }
            reasons.add(r.asText());
        }
        JsonNode numErrorsJson = field(test, "num_errors");
        if (!numErrorsJson.canConvertToInt() || !numErrorsJson.isIntegralNumber() || numErrorsJson.asInt() < 0) {
            throw new CedarException("`num_errors` must be a number of errors");
        }
        int numErrors = numErrorsJson.asInt();

        Request request;
        Entities entities;
        if (schema == null) {
            request = CedarJson.readRequest(requestJson.toString());
            entities = Entities.of(CedarJson.readEntities(entitiesJson.toString()));
        } else {
            request = CedarJson.readRequest(requestJson.toString(), schema);
            schema.validateRequest(request);
            entities = Entities.of(CedarJson.readEntities(entitiesJson.toString(), schema));
            ValidationResult validation = new Validator(schema).validate(set);
            if (!validation.passed() || !validation.warnings().isEmpty()) {
                throw new CedarException("policy set validation failed: " + validation.errors().size() + " error(s), "
                        + validation.warnings().size() + " warning(s) (see `cedar validate`)");
            }
        }
        Response response = new Authorizer().isAuthorized(request, set, entities);

        String actual = response.isAllowed() ? "allow" : "deny";
        if (!actual.equals(decision)) {
            return "expected " + capitalized(decision) + ", got " + capitalized(actual);
        }
        List<String> problems = new ArrayList<>();
        List<String> missing = reasons.stream()
                .filter(r -> !response.diagnostics().reason().contains(PolicyId.of(r)))
                .map(r -> "`" + r + "`")
                .toList();
        if (!missing.isEmpty()) {
            problems.add("missing reason(s): " + String.join(", ", missing));
        }
        List<AuthorizationError> errors = response.diagnostics().errors();
        if (errors.size() != numErrors) {
            problems.add("expected " + numErrors + " error(s), but got " + errors.size() + " runtime error(s)"
                    + (errors.isEmpty() ? "" : ": " + errors.stream().map(Object::toString).collect(Collectors.joining(", "))));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static JsonNode field(JsonNode test, String name) {
        JsonNode value = test.get(name);
        if (value == null || value.isNull()) {
            throw new CedarException("the test has no `" + name + "`");
        }
        return value;
    }

    private static String capitalized(String decision) {
        return Character.toUpperCase(decision.charAt(0)) + decision.substring(1);
    }
}
