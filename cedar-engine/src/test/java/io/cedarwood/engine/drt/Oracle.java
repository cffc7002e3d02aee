package io.cedarwood.engine.drt;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Rust reference implementation (cedar-policy 4.10.0 behind {@code com.cedarpolicy:cedar-java}'s JNI
 * library), spoken to in Cedar text and Cedar's JSON formats only, so that no value passes through
 * cedar-java's own Java model. Every call to the reference goes through this class.
 *
 * <p>Authorization goes through the FFI entry point that cedar-java itself uses
 * ({@code callCedarJNI(operation, json)}, reached by reflection): it takes the same JSON documents that
 * {@code cedar_policy::ffi} reads (a policy set of Cedar text or EST JSON, entities in the entities JSON
 * format, a request), so what the reference sees is exactly what our engine reads.
 */
final class Oracle {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Method CALL;

    static {
        try {
            CALL = BasicAuthorizationEngine.class.getDeclaredMethod("callCedarJNI", String.class, String.class);
            CALL.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Oracle() {
    }

    /** The reference's answer to one request: a decision with its reasons and errors, or a failure. */
    record Answer(boolean allow, Set<String> reason, Set<String> errors, String failure) {
        static Answer failed(String why) {
            return new Answer(false, Set.of(), Set.of(), why);
        }

        boolean failed() {
            return failure != null;
        }

        @Override
        public String toString() {
            return failed() ? "failure: " + failure
                    : (allow ? "allow" : "deny") + " reason=" + reason + " errors=" + errors;
        }
    }

    /** Forces the native library to load; throws when it cannot. */
    static String version() {
        return com.cedarpolicy.AuthorizationEngine.getCedarLangVersion();
    }

    /**
     * Authorizes one request without a schema.
     *
     * @param policySetJson a policy set in the FFI format: {@code {"staticPolicies": {id: text-or-EST},
     *        "templates": {...}, "templateLinks": [...]}}
     * @param entitiesJson entities in the entities JSON format (action entities included)
     * @param principal,action,resource uids as {@code {"type": ..., "id": ...}}
     * @param contextJson a JSON object in the value format
     */
    static Answer authorize(JsonNode policySetJson, String entitiesJson, JsonNode principal, JsonNode action,
            JsonNode resource, String contextJson) {
        try {
            ObjectNode call = MAPPER.createObjectNode();
            call.set("principal", principal);
            call.set("action", action);
            call.set("resource", resource);
            call.set("context", MAPPER.readTree(contextJson));
            call.put("validateRequest", false);
            call.set("policies", policySetJson);
            call.set("entities", MAPPER.readTree(entitiesJson));
            JsonNode answer = MAPPER.readTree(call("AuthorizationOperation", MAPPER.writeValueAsString(call)));
            if (!"success".equals(answer.path("type").asText())) {
                return Answer.failed(answer.path("errors").toString());
            }
            JsonNode diagnostics = answer.path("response").path("diagnostics");
            Set<String> reason = new TreeSet<>();
            diagnostics.path("reason").forEach(n -> reason.add(n.asText()));
            Set<String> errors = new TreeSet<>();
            diagnostics.path("errors").forEach(n -> errors.add(n.path("policyId").asText()));
            boolean allow = "allow".equals(answer.path("response").path("decision").asText());
            return new Answer(allow, reason, errors, null);
        } catch (java.io.IOException e) {
            return Answer.failed("unreadable answer: " + e.getMessage());
        }
    }

    /**
     * The reference's partial answer: {@code decision} is {@code "allow"}, {@code "deny"} or {@code null}
     * (unknown); the policy id sets as it names them; for each non-trivial residual, the unknown variables it
     * mentions.
     */
    record PartialAnswer(String decision, Set<String> satisfied, Set<String> errored, Set<String> mayBeDetermining,
            Set<String> mustBeDetermining, java.util.Map<String, Set<String>> residualUnknowns, String failure) {
        static PartialAnswer failed(String why) {
            return new PartialAnswer(null, Set.of(), Set.of(), Set.of(), Set.of(), java.util.Map.of(), why);
        }
    }

    /**
     * Partial authorization without a schema: a {@code null} principal, action, resource or context is
     * unknown (the FFI refuses an unknown context: {@code PartialOracleTest} notices if that changes).
     */
    static PartialAnswer authorizePartial(JsonNode policySetJson, String entitiesJson, JsonNode principal,
            JsonNode action, JsonNode resource, String contextJson) {
        try {
            ObjectNode call = MAPPER.createObjectNode();
            if (principal != null) {
                call.set("principal", principal);
            }
            if (action != null) {
                call.set("action", action);
            }
            if (resource != null) {
                call.set("resource", resource);
            }
            if (contextJson != null) {
                call.set("context", MAPPER.readTree(contextJson));
            }
            call.put("validateRequest", false);
            call.set("policies", policySetJson);
            call.set("entities", MAPPER.readTree(entitiesJson));
            String text = call("AuthorizationPartialOperation", MAPPER.writeValueAsString(call));
            if (!text.startsWith("{")) {
                return PartialAnswer.failed(text);
            }
            JsonNode answer = MAPPER.readTree(text);
            if (!"residuals".equals(answer.path("type").asText())) {
                return PartialAnswer.failed(answer.toString());
            }
            JsonNode response = answer.path("response");
            JsonNode decision = response.path("decision");
            java.util.Map<String, Set<String>> unknowns = new java.util.TreeMap<>();
            for (JsonNode id : response.path("nontrivialResiduals")) {
                Set<String> names = new TreeSet<>();
                collectUnknowns(response.path("residuals").path(id.asText()), names);
                unknowns.put(id.asText(), names);
            }
            return new PartialAnswer(decision.isNull() || decision.isMissingNode() ? null : decision.asText(),
                    ids(response.path("satisfied")), ids(response.path("errored")),
                    ids(response.path("mayBeDetermining")), ids(response.path("mustBeDetermining")), unknowns, null);
        } catch (java.io.IOException e) {
            return PartialAnswer.failed("unreadable answer: " + e.getMessage());
        }
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The names in {@code {"unknown": [{"Value": name}]}} anywhere in a residual's JSON. */
    private static void collectUnknowns(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode unknown = node.get("unknown");
            if (unknown != null && unknown.isArray() && unknown.size() == 1) {
                names.add(unknown.get(0).path("Value").asText());
                return;
            }
            node.forEach(child -> collectUnknowns(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collectUnknowns(child, names));
        }
    }

    /**
     * The reference's strict validation verdict for a policy set (FFI format) against a human-format
     * schema: {@code true} when it passes, {@code false} when it has validation errors, {@code null} when
     * the schema or a policy does not even parse.
     */
    static Boolean validateStrict(String cedarSchema, JsonNode policySetJson) {
        Set<String> failing = failingPolicies(cedarSchema, policySetJson, "strict");
        return failing == null ? null : failing.isEmpty();
    }

    /**
     * The ids of the policies, templates and links that the reference's validator reports errors for, in
     * mode {@code "strict"} or {@code "permissive"}; {@code null} when the schema or a policy does not even
     * parse.
     */
    static Set<String> failingPolicies(String cedarSchema, JsonNode policySetJson, String mode) {
        try {
            ObjectNode call = MAPPER.createObjectNode();
            call.putObject("validationSettings").put("mode", mode);
            call.put("schema", cedarSchema);
            call.set("policies", policySetJson);
            JsonNode answer = MAPPER.readTree(call("ValidateOperation", MAPPER.writeValueAsString(call)));
            if (!"success".equals(answer.path("type").asText())) {
                return null;
            }
            Set<String> failing = new TreeSet<>();
            for (JsonNode error : answer.path("validationErrors")) {
                failing.add(error.path("policyId").asText());
            }
            return failing;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The reference's verdict on entities read with a schema (target 6): {@code true} when the entities
     * JSON parses against the human-format schema and conforms to it, {@code false} otherwise.
     */
    static boolean entitiesConform(String cedarSchema, String entitiesJson) {
        try {
            ObjectNode call = MAPPER.createObjectNode();
            call.put("schema", cedarSchema);
            call.set("entities", MAPPER.readTree(entitiesJson));
            JsonNode answer = MAPPER.readTree(call("ValidateEntities", MAPPER.writeValueAsString(call)));
            // cedar-java's own answer shape: {"success": "true", "result": ...} or {"success": "false", ...}
            return "true".equals(answer.path("success").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the reference reads this text, verbatim, as entities JSON without a schema (duplicates and
     * cycles checked): an authorization call with no policies around it.
     */
    static boolean acceptsEntities(String entitiesText) {
        if (!strictJson(entitiesText) && Math.floorMod(entitiesText.hashCode(), 50) != 0) {
            // Text that is not one JSON document without duplicate keys makes the FFI's own reading of the
            // call fail, and cedar-java then panics and prints the whole input to the native stderr. Such
            // text is rejected without asking, except one time in fifty, which keeps checking that claim.
            return false;
        }
        String call = "{\"principal\": {\"type\": \"U\", \"id\": \"u\"}, \"action\": {\"type\": \"Action\", "
                + "\"id\": \"a\"}, \"resource\": {\"type\": \"R\", \"id\": \"r\"}, \"context\": {}, "
                + "\"policies\": {\"staticPolicies\": {}}, \"entities\": " + entitiesText + "\n}";
        try {
            return "success".equals(MAPPER.readTree(call("AuthorizationOperation", call)).path("type").asText());
        } catch (java.io.IOException e) {
            return false; // the reference's answer to a document it could not read at all is not JSON
        }
    }

    private static final ObjectMapper STRICT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Whether {@code text} is exactly one JSON document with no duplicate keys. */
    static boolean strictJson(String text) {
        try {
            return STRICT.readTree(text) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Whether the reference parses this text as a policy set (static policies and templates). */
    static boolean acceptsPolicies(String text) {
        try {
            PolicySet.parsePolicies(text);
            return true;
        } catch (InternalException e) {
            return false;
        }
    }

    /**
     * The reference's EST JSON of each static policy in {@code text}, in source order (ids {@code policy0...});
     * {@code null} when the text does not parse.
     */
    static JsonNode policySetJson(String text) {
        ObjectNode set = MAPPER.createObjectNode();
        set.put("staticPolicies", text);
        return estPolicySet(set);
    }

    /**
     * The reference's policy-set JSON ({@code staticPolicies}, {@code templates}, {@code templateLinks}, all
     * in EST) of a policy set in the FFI format; {@code null} when it does not parse.
     */
    static JsonNode estPolicySet(JsonNode ffiPolicySet) {
        try {
            String json = callStatic(PolicySet.class, "policySetToJson", MAPPER.writeValueAsString(ffiPolicySet));
            return json == null ? null : MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The reference's EST JSON of one static policy given as Cedar text; {@code null} when it does not parse. */
    static JsonNode policyToJson(String text) {
        try {
            return MAPPER.readTree(new Policy(text, null).toJson());
        } catch (InternalException | java.io.IOException e) {
            return null;
        }
    }

    /**
     * The Cedar text the reference prints for a static policy read from EST JSON; {@code null} when it
     * rejects the JSON.
     */
    static String policyFromJson(String json) {
        try {
            return Policy.fromJson(null, json).getSource();
        } catch (InternalException e) {
            return null;
        }
    }

    /** Whether the reference reads this text as a valid schema in the human format. */
    static boolean acceptsCedarSchema(String text) {
        try {
            Schema.parse(Schema.JsonOrCedar.Cedar, text);
            return true;
        } catch (InternalException e) {
            return false;
        }
    }

    /** Whether the reference reads this text as a valid schema in the JSON format. */
    static boolean acceptsJsonSchema(String json) {
        try {
            Schema.parse(Schema.JsonOrCedar.Json, json);
            return true;
        } catch (InternalException e) {
            return false;
        }
    }

    /** The reference's JSON translation of a human-format schema; {@code null} when it rejects the schema. */
    static JsonNode schemaToJson(String cedarSchema) {
        try {
            return Schema.parse(Schema.JsonOrCedar.Cedar, cedarSchema).toJsonFormat();
        } catch (InternalException | java.io.IOException e) {
            return null;
        }
    }

    private static String call(String operation, String json) {
        try {
            return (String) CALL.invoke(null, operation, json);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the reference failed on " + operation, e);
        }
    }

    /** Calls a private static native {@code String f(String)} of a cedar-java class; {@code null} when it throws. */
    private static String callStatic(Class<?> owner, String name, String arg) {
        try {
            Method m = owner.getDeclaredMethod(name, String.class);
            m.setAccessible(true);
            return (String) m.invoke(null, arg);
        } catch (InvocationTargetException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
