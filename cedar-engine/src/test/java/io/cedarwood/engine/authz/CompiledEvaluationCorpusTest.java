package io.cedarwood.engine.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.testing.SharedData;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.RecordValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path against the plain reference on the dev corpus of the integration tests: for every request
 * of every test, each policy compiled gives what the interpreter gives (the same result or the same
 * error), and the authorizer, with its scope index forced on even for these small sets and left as it
 * is, gives the response of evaluating every policy in order with the interpreter, down to the order of
 * the diagnostics and the error messages.
 */
class CompiledEvaluationCorpusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void compiledPoliciesAndIndexedAuthorizationAgreeWithTheInterpreterOnTheCorpus() throws IOException {
        Map<String, String> files = SharedData.readTarGz(SharedData.corpusTarball(), name -> true);
        int requests = 0;
        int policyEvaluations = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String name = file.getKey();
            if (!name.endsWith(".json") || name.endsWith(".entities.json")) {
                continue;
            }
            JsonNode test = MAPPER.readTree(file.getValue());
            PolicySet policies;
            Schema schema;
            Entities entities;
            try {
                policies = PolicySet.parse(files.get(test.path("policies").asText()));
                schema = Schema.parseCedarSchema(files.get(test.path("schema").asText()));
                entities = Entities.of(CedarJson.readEntities(files.get(test.path("entities").asText()), schema));
            } catch (CedarException e) {
                continue; // tests whose inputs the reference rejects have nothing to evaluate
            }
            PolicyIndex forced = new PolicyIndex(policies.policies(), 0);
            for (JsonNode req : test.path("requests")) {
                Request request;
                try {
                    EntityUid action = CedarJson.readEntityUid(req.path("action").toString());
                    RecordValue context = CedarJson.readContext(req.path("context").toString(), schema, action);
                    request = new Request(CedarJson.readEntityUid(req.path("principal").toString()), action,
                            CedarJson.readEntityUid(req.path("resource").toString()), context);
                } catch (CedarException e) {
                    continue;
                }
                requests++;
                for (Policy p : policies.policies()) {
                    policyEvaluations++;
                    String reference = Reference.outcome(() -> Evaluator.isSatisfied(p, request, entities));
                    String compiled = Reference.outcome(() -> CompiledPolicy.compile(p).isSatisfied(request, entities));
                    if (!reference.equals(compiled)) {
                        disagreements.add(name + " " + p.id() + ": interpreter " + reference + ", compiled " + compiled);
                    }
                }
                Response expected = ReferenceAuthorizer.isAuthorized(request, policies, entities);
                Response indexed = Decider.decide(request, forced, entities);
                Response plain = new Authorizer().isAuthorized(request, policies, entities);
                if (!Reference.same(expected, indexed) || !Reference.same(expected, plain)) {
                    disagreements.add(name + " " + req.path("description").asText() + ": reference " + expected
                            + ", indexed " + indexed + ", authorizer " + plain);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(requests).as("corpus requests evaluated").isGreaterThan(10_000);
        assertThat(policyEvaluations).isGreaterThan(10_000);
    }

    /** Outcomes and responses compared down to the messages. */
    static final class Reference {
        private Reference() {
        }

        interface Evaluation {
            boolean run();
        }

        static String outcome(Evaluation e) {
            try {
                return Boolean.toString(e.run());
            } catch (EvaluationException x) {
                return "error " + x.kind() + ": " + x.getMessage();
            }
        }

        /** Equal decisions, and diagnostics equal in content and in order. */
        static boolean same(Response a, Response b) {
            return a.decision() == b.decision()
                    && List.copyOf(a.diagnostics().reason()).equals(List.copyOf(b.diagnostics().reason()))
                    && a.diagnostics().errors().equals(b.diagnostics().errors());
        }
    }
}
