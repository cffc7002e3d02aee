package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.validation.ValidationResult;
import io.cedarwood.engine.value.CedarException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Target (3), strict validation: validating a generated policy set (static policies, templates and links)
 * against its generated schema in strict mode must fail for the same policies (the ids of the policies,
 * templates and links with errors; so the whole set's verdict is the same too). Both engines read the schema
 * in the human format and the policies as Cedar text. Permissive mode cannot be compared: the oracle's
 * native library is built without it (see {@code OracleTest#oracleHasNoPermissiveMode}).
 */
final class ValidationTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "validation";
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        AuthCase c = AuthCase.generate(new Rng(seed), false);
        Set<String> ours = ours(c);
        Set<String> theirs = reference(c);
        coverage.add(theirs == null ? "validation.unreadable"
                : theirs.isEmpty() ? "validation.passes" : "validation.fails");
        if (theirs != null && !theirs.isEmpty() && theirs.size() < c.policies().size() + c.links().size()) {
            coverage.add("validation.some policies pass");
        }
        if (!java.util.Objects.equals(ours, theirs)) {
            AuthCase small = AuthTarget.minimize(c.withRequests(List.of(c.requests().get(0))),
                    ValidationTarget::disagrees);
            return new Result(1, finding(seed, small));
        }
        return Result.agreed(1);
    }

    /** The ids of the policies our strict validation fails; {@code null} when the schema or a policy does not read. */
    static Set<String> ours(AuthCase c) {
        try {
            Schema schema = Schema.parseCedarSchema(c.schema().toCedarSchema());
            return failing(new Validator(schema).validate(policySet(c), ValidationMode.STRICT));
        } catch (CedarException e) {
            return null;
        }
    }

    /** The ids of the policies with errors in a validation result, sorted. */
    static Set<String> failing(ValidationResult result) {
        return result.errors().stream().map(e -> e.policyId().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> reference(AuthCase c) {
        return Oracle.failingPolicies(c.schema().toCedarSchema(), ffiPolicySet(c), "strict");
    }

    static boolean disagrees(AuthCase c) {
        try {
            return !java.util.Objects.equals(ours(c), reference(c));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The policy set as we read it from the texts both engines get. */
    static PolicySet policySet(AuthCase c) {
        PolicySet set = PolicySet.EMPTY;
        for (Policy p : c.policies()) {
            set = set.add(PolicyParser.parsePolicy(p.id(), p.toCedar()));
        }
        for (AuthCase.Link l : c.links()) {
            set = set.link(l.templateId(), l.newId(), l.values());
        }
        return set;
    }

    /** The policy set in the FFI format (Cedar texts, links), as the authorization target sends it. */
    static ObjectNode ffiPolicySet(AuthCase c) {
        ObjectNode set = MAPPER.createObjectNode();
        ObjectNode statics = set.putObject("staticPolicies");
        ObjectNode templates = set.putObject("templates");
        var links = set.putArray("templateLinks");
        for (Policy p : c.policies()) {
            (p.isTemplate() ? templates : statics).put(p.id().value(), p.toCedar());
        }
        for (AuthCase.Link l : c.links()) {
            ObjectNode link = links.addObject();
            link.put("templateId", l.templateId().value());
            link.put("newId", l.newId().value());
            ObjectNode values = link.putObject("values");
            l.values().forEach((slot, uid) -> values.set(slot.cedarName(), AuthTarget.uidJson(uid)));
        }
        return set;
    }

    /** The regression files of a minimized case, with the reference's verdict as the expected one. */
    static DrtTarget.Finding finding(long seed, AuthCase c) {
        Set<String> ours = ours(c);
        Set<String> theirs = reference(c);
        String name = "validation-" + Long.toHexString(seed);
        String dir = "validation/";
        Map<String, String> files = new LinkedHashMap<>();
        String schemaText = c.schema().toCedarSchema();
        files.put(dir + name + ".cedarschema", schemaText);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("schema", dir + name + ".cedarschema");
        boolean json = !c.links().isEmpty() || c.policies().stream().anyMatch(Policy::isTemplate);
        String policiesFile = dir + name + (json ? ".policies.json" : ".cedar");
        String policiesText;
        if (json) {
            JsonNode est = Oracle.estPolicySet(ffiPolicySet(c));
            policiesText = AuthTarget.pretty(est != null ? est : ffiPolicySet(c));
            test.put("policyFormat", "json");
        } else {
            policiesText = c.policies().stream().map(Policy::toCedar).collect(Collectors.joining("\n\n")) + "\n";
        }
        files.put(policiesFile, policiesText);
        test.put("policies", policiesFile);
        test.put("seed", Long.toString(seed));
        test.put("ours", String.valueOf(ours));
        if (theirs == null) {
            test.putNull("referenceValidates");
        } else {
            test.put("referenceValidates", theirs.isEmpty());
            theirs.forEach(test.putArray("referenceFailing")::add);
        }
        files.put(dir + name + ".json", AuthTarget.pretty(test));
        String description = "strict validation, failing policies: ours " + ours + ", reference " + theirs + "\nschema:\n" + schemaText
                + "\npolicies:\n" + policiesText + (c.links().isEmpty() ? "" : "links " + c.links());
        return new DrtTarget.Finding("validation", seed, description, files);
    }
}
