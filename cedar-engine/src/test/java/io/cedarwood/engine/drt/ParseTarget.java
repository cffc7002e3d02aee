package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Target (1), parsing: the engines must accept and reject the same policy texts and the same human-format
 * schemas. The texts are printed generated policies and schemas, mutated at the token level, and raw text
 * from the surface grammar. When both accept a policy set without templates, the trees must agree too: each
 * policy we parsed must equal what we read from the reference's JSON of it.
 */
final class ParseTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHRINK_BUDGET = 3000;

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        Rng rng = new Rng(seed);
        TextGen text = new TextGen(rng);
        int mode = rng.weighted(5, 4, 3, 2, 2);
        if (mode == 4) {
            // entities JSON text: generated entity data, often mutated at the token level
            String s = CedarJson.writeEntities(AuthCase.generate(rng).entities());
            if (rng.chance(0.8)) {
                s = text.mutateEntities(s);
            }
            coverage.add("parse.entities");
            boolean ours = oursAcceptsEntities(s);
            coverage.add(ours ? "parse.entities.accepted" : "parse.entities.rejected");
            if (ours != Oracle.acceptsEntities(s)) {
                String small = shrink(s, t -> oursAcceptsEntities(t) != Oracle.acceptsEntities(t));
                return new Result(1, entitiesFinding(seed, small));
            }
            return Result.agreed(1);
        }
        if (mode == 3) {
            // JSON schema text: our JSON of a generated schema, often mutated at the token level
            String s;
            try {
                s = Schema.parseCedarSchema(SchemaGen.generate(rng).toCedarSchema()).toJson();
            } catch (CedarException e) {
                return Result.agreed(0);
            }
            if (rng.chance(0.7)) {
                s = text.mutateJson(s);
            }
            coverage.add("parse.json-schema");
            boolean ours = oursAcceptsJsonSchema(s);
            coverage.add(ours ? "parse.json-schema.accepted" : "parse.json-schema.rejected");
            if (ours != Oracle.acceptsJsonSchema(s)) {
                String small = shrink(s, t -> oursAcceptsJsonSchema(t) != Oracle.acceptsJsonSchema(t));
                return new Result(1, jsonSchemaFinding(seed, small));
            }
            return Result.agreed(1);
        }
        if (mode == 2) {
            GenSchema schema = SchemaGen.generate(rng);
            String s = schema.toCedarSchema();
            if (rng.chance(0.7)) {
                s = text.mutate(s, true);
            }
            coverage.add("parse.schema");
            boolean ours = oursAcceptsSchema(s);
            coverage.add(ours ? "parse.schema.accepted" : "parse.schema.rejected");
            if (ours != Oracle.acceptsCedarSchema(s)) {
                String small = shrink(s, t -> oursAcceptsSchema(t) != Oracle.acceptsCedarSchema(t));
                return new Result(1, acceptanceFinding(seed, small, true));
            }
            return Result.agreed(1);
        }
        String policies;
        if (mode == 0) {
            GenSchema schema = SchemaGen.generate(rng);
            List<Entity> hierarchy = EntityGen.generate(rng, schema);
            PolicyGen gen = new PolicyGen(rng, schema, EntityGen.index(hierarchy));
            StringBuilder b = new StringBuilder();
            int n = rng.between(1, 3);
            for (int i = 0; i < n; i++) {
                b.append(gen.policy(PolicyId.of("policy" + i), rng.chance(0.1)).toCedar()).append("\n");
            }
            policies = rng.chance(0.6) ? text.mutate(b.toString(), false) : b.toString();
            coverage.add("parse.policy.printed");
        } else {
            policies = text.rawPolicies();
            if (rng.chance(0.3)) {
                policies = text.mutate(policies, false);
            }
            coverage.add("parse.policy.raw");
        }
        PolicySet ours = oursParse(policies);
        coverage.add(ours != null ? "parse.policy.accepted" : "parse.policy.rejected");
        if ((ours != null) != Oracle.acceptsPolicies(policies)) {
            String small = shrink(policies, t -> (oursParse(t) != null) != Oracle.acceptsPolicies(t));
            return new Result(1, acceptanceFinding(seed, small, false));
        }
        if (ours == null || !ours.templates().isEmpty()) {
            return Result.agreed(1);
        }
        coverage.add("parse.policy.trees-compared");
        if (treesDiffer(policies) != null) {
            String small = shrink(policies, t -> treesDiffer(t) != null);
            return new Result(2, treeFinding(seed, small));
        }
        return Result.agreed(2);
    }

    static PolicySet oursParse(String text) {
        try {
            return PolicySet.parse(text);
        } catch (CedarException e) {
            return null;
        }
    }

    static boolean oursAcceptsSchema(String text) {
        try {
            Schema.parseCedarSchema(text);
            return true;
        } catch (CedarException e) {
            return false;
        }
    }

    static boolean oursAcceptsJsonSchema(String text) {
        try {
            Schema.parseJson(text);
            return true;
        } catch (CedarException e) {
            return false;
        }
    }

    static boolean oursAcceptsEntities(String text) {
        try {
            Entities.of(CedarJson.readEntities(text));
            return true;
        } catch (CedarException e) {
            return false;
        }
    }

    static DrtTarget.Finding entitiesFinding(long seed, String text) {
        String name = "entities-" + Long.toHexString(seed);
        boolean reference = Oracle.acceptsEntities(text);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("entities", "parse/" + name + ".entities.json");
        test.put("referenceAccepts", reference);
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("parse/" + name + ".entities.json", text);
        files.put("parse/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("parse", seed, "entities JSON accepted by "
                + (reference ? "the reference only" : "us only") + ":\n" + text, files);
    }

    static DrtTarget.Finding jsonSchemaFinding(long seed, String text) {
        String name = "json-schema-" + Long.toHexString(seed);
        boolean reference = Oracle.acceptsJsonSchema(text);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("jsonSchema", "parse/" + name + ".cedarschema.json");
        test.put("referenceAccepts", reference);
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("parse/" + name + ".cedarschema.json", text);
        files.put("parse/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("parse", seed, "JSON schema accepted by "
                + (reference ? "the reference only" : "us only") + ":\n" + text, files);
    }

    /**
     * Why our trees differ from the reference's for a policy set both accept without templates, or
     * {@code null} when they agree (or the text is not such a policy set).
     */
    static String treesDiffer(String text) {
        PolicySet ours = oursParse(text);
        if (ours == null || !ours.templates().isEmpty()) {
            return null;
        }
        JsonNode est = Oracle.policySetJson(text);
        if (est == null) {
            return null;
        }
        JsonNode statics = est.path("staticPolicies");
        if (statics.size() != ours.policies().size()) {
            return "reference has " + statics.size() + " policies, we have " + ours.policies().size();
        }
        for (Policy p : ours.policies()) {
            JsonNode json = statics.get(p.id().value());
            if (json == null) {
                return "reference has no policy `" + p.id() + "`";
            }
            Policy theirs;
            try {
                theirs = CedarJson.readPolicy(p.id(), json.toString());
            } catch (CedarException e) {
                return "we cannot read the reference's JSON of `" + p.id() + "`: " + e.getMessage();
            }
            if (!theirs.equals(p)) {
                return "policy `" + p.id() + "`: we parsed\n" + p.toCedar() + "\nthe reference parsed\n" + theirs.toCedar()
                        + "\n(reference JSON " + json + ")";
            }
        }
        return null;
    }

    /**
     * Delta debugging over code points: removes ever smaller chunks of the text while {@code stillFails}
     * holds.
     */
    static String shrink(String text, Predicate<String> stillFails) {
        int budget = SHRINK_BUDGET;
        int[] cps = text.codePoints().toArray();
        int chunk = Math.max(1, cps.length / 2);
        while (chunk >= 1 && budget > 0) {
            boolean removed = false;
            for (int start = 0; start + chunk <= cps.length && budget > 0; ) {
                int[] candidate = new int[cps.length - chunk];
                System.arraycopy(cps, 0, candidate, 0, start);
                System.arraycopy(cps, start + chunk, candidate, start, cps.length - start - chunk);
                budget--;
                if (stillFails.test(new String(candidate, 0, candidate.length))) {
                    cps = candidate;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return new String(cps, 0, cps.length);
    }

    static DrtTarget.Finding acceptanceFinding(long seed, String text, boolean schema) {
        String name = "parse-" + Long.toHexString(seed);
        String file = "parse/" + name + (schema ? ".cedarschema" : ".cedar");
        boolean reference = schema ? Oracle.acceptsCedarSchema(text) : Oracle.acceptsPolicies(text);
        ObjectNode test = MAPPER.createObjectNode();
        test.put(schema ? "schema" : "policies", file);
        test.put("referenceAccepts", reference);
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(file, text);
        files.put("parse/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("parse", seed, (schema ? "schema" : "policy text") + " accepted by "
                + (reference ? "the reference only" : "us only") + ":\n" + text, files);
    }

    static DrtTarget.Finding treeFinding(long seed, String text) {
        String name = "tree-" + Long.toHexString(seed);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("policies", "parse/" + name + ".cedar");
        test.put("referenceAccepts", true);
        test.set("referenceJson", Oracle.policySetJson(text));
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("parse/" + name + ".cedar", text);
        files.put("parse/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("parse", seed, "trees differ: " + treesDiffer(text) + "\ntext:\n" + text, files);
    }
}
