package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Target (6), entity validation: whether generated entities (with the differential tests' oddities:
 * duplicates, cycles, entities that do not fit the schema) read against the generated schema must be the
 * same. Both engines read the schema in the human format and the same entities JSON.
 */
final class EntityValidationTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "entity-validation";
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        AuthCase c = AuthCase.generate(new Rng(seed));
        boolean ours = ours(c);
        boolean theirs = reference(c);
        coverage.add(theirs ? "entity-validation.conforms" : "entity-validation.rejected");
        if (ours != theirs) {
            AuthCase small = AuthTarget.minimize(
                    c.withPolicies(List.of(), List.of()).withRequests(List.of(c.requests().get(0))),
                    EntityValidationTarget::disagrees);
            return new Result(1, finding(seed, small));
        }
        return Result.agreed(1);
    }

    /**
     * Whether we load the entities against the schema: read them with the schema, then build the entity
     * store (which refuses conflicting duplicates and cycles, as the reference's reading does).
     */
    static boolean ours(AuthCase c) {
        try {
            Entities.of(CedarJson.readEntities(CedarJson.writeEntities(c.entities()),
                    Schema.parseCedarSchema(c.schema().toCedarSchema())));
            return true;
        } catch (CedarException e) {
            return false;
        }
    }

    static boolean reference(AuthCase c) {
        return Oracle.entitiesConform(c.schema().toCedarSchema(), CedarJson.writeEntities(c.entities()));
    }

    static boolean disagrees(AuthCase c) {
        try {
            return ours(c) != reference(c);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The regression files of a minimized case, with the reference's verdict as the expected one. */
    static DrtTarget.Finding finding(long seed, AuthCase c) {
        boolean ours = ours(c);
        boolean theirs = reference(c);
        String name = "entities-" + Long.toHexString(seed);
        String dir = "entity-validation/";
        String schemaText = c.schema().toCedarSchema();
        String entitiesText = CedarJson.writeEntities(c.entities());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(dir + name + ".cedarschema", schemaText);
        files.put(dir + name + ".entities.json", entitiesText + "\n");
        ObjectNode test = MAPPER.createObjectNode();
        test.put("schema", dir + name + ".cedarschema");
        test.put("entities", dir + name + ".entities.json");
        test.put("seed", Long.toString(seed));
        test.put("ours", ours);
        test.put("referenceConforms", theirs);
        files.put(dir + name + ".json", AuthTarget.pretty(test));
        String description = "entity validation: ours " + ours + ", reference " + theirs + "\nschema:\n" + schemaText
                + "\nentities " + entitiesText;
        return new DrtTarget.Finding("entity-validation", seed, description, files);
    }
}
