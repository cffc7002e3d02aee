package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Target (5), schema translation: for a generated human-format schema, our JSON translation must equal the
 * reference's as a JSON tree; we must read the reference's JSON; and the human text we print for the
 * schema must be accepted by the reference and translate to the same JSON.
 */
final class SchemaTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        Rng rng = new Rng(seed);
        GenSchema gen = SchemaGen.generate(rng);
        coverage.schema(gen);
        String text = gen.toCedarSchema();
        String problem = problem(text);
        coverage.add(Oracle.schemaToJson(text) != null ? "schema.translated" : "schema.rejected-by-both");
        if (problem != null) {
            String small = ParseTarget.shrink(text, t -> problem(t) != null);
            return new Result(3, finding(seed, small));
        }
        return Result.agreed(3);
    }

    /** What differs between the engines on this schema text, or {@code null}. */
    static String problem(String text) {
        JsonNode theirs = Oracle.schemaToJson(text);
        Schema ours;
        try {
            ours = Schema.parseCedarSchema(text);
        } catch (CedarException e) {
            return theirs == null ? null : "we reject a schema the reference translates: " + e.getMessage();
        }
        if (theirs == null) {
            return "we accept a schema the reference rejects";
        }
        JsonNode ourJson = read(ours.toJson());
        if (!ourJson.equals(theirs)) {
            return "translations differ:\nours      " + ourJson + "\nreference " + theirs;
        }
        try {
            Schema.parseJson(theirs.toString());
        } catch (CedarException e) {
            return "we reject the reference's JSON " + theirs + ": " + e.getMessage();
        }
        String printed;
        try {
            printed = ours.toCedarSchema();
        } catch (CedarException e) {
            return "we cannot print the schema: " + e.getMessage();
        }
        JsonNode again = Oracle.schemaToJson(printed);
        if (again == null) {
            return "the reference rejects the schema as we print it:\n" + printed;
        }
        if (!again.equals(theirs)) {
            return "the schema as we print it means something else to the reference:\n" + printed;
        }
        return null;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DrtTarget.Finding finding(long seed, String text) {
        String name = "schema-" + Long.toHexString(seed);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("schema", "schema/" + name + ".cedarschema");
        JsonNode theirs = Oracle.schemaToJson(text);
        test.put("referenceAccepts", theirs != null);
        if (theirs != null) {
            test.set("referenceJson", theirs);
        }
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("schema/" + name + ".cedarschema", text);
        files.put("schema/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("schema", seed, problem(text) + "\nschema:\n" + text, files);
    }
}
