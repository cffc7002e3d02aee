package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Target (4), the JSON policy format: the reference must read the JSON we write for a policy and mean the
 * same policy (its Cedar text of it parses, with us, to the policy we wrote), and we must read the JSON the
 * reference writes for a policy's text to the policy we parse from that text.
 */
final class PolicyJsonTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHRINK_BUDGET = 2000;

    @Override
    public String name() {
        return "policy-json";
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        Rng rng = new Rng(seed);
        GenSchema schema = SchemaGen.generate(rng);
        List<Entity> hierarchy = EntityGen.generate(rng, schema);
        PolicyGen gen = new PolicyGen(rng, schema, EntityGen.index(hierarchy));
        Policy policy = gen.policy(PolicyId.of("policy0"), false);
        coverage.policy(policy);
        String problem = problem(policy);
        coverage.add("policy-json.compared");
        if (problem != null) {
            Policy small = shrink(policy, p -> problem(p) != null);
            return new Result(2, finding(seed, small));
        }
        return Result.agreed(2);
    }

    /** What goes wrong with this policy between the engines' JSON, or {@code null}. */
    static String problem(Policy policy) {
        String text;
        Policy parsed;
        try {
            text = policy.toCedar();
            parsed = PolicyParser.parsePolicy(policy.id(), text);
        } catch (CedarException e) {
            return null; // not this target's business: the round-trip property and the parse target see it
        }
        String ourJson = CedarJson.writePolicy(parsed);
        String theirText = Oracle.policyFromJson(ourJson);
        if (theirText == null) {
            return "the reference rejects our JSON " + ourJson;
        }
        try {
            Policy back = PolicyParser.parsePolicy(policy.id(), theirText);
            if (!back.equals(parsed)) {
                return "the reference reads our JSON " + ourJson + " as\n" + theirText + "\nnot\n" + text;
            }
        } catch (CedarException e) {
            return "we cannot parse the reference's text of our JSON: " + theirText + ": " + e.getMessage();
        }
        JsonNode theirJson = Oracle.policyToJson(text);
        if (theirJson == null) {
            return null; // the reference does not parse the text: the parse target's business
        }
        try {
            Policy read = CedarJson.readPolicy(policy.id(), theirJson.toString());
            if (!read.equals(parsed)) {
                return "we read the reference's JSON " + theirJson + " as\n" + read.toCedar() + "\nnot\n" + text;
            }
        } catch (CedarException e) {
            return "we reject the reference's JSON " + theirJson + ": " + e.getMessage();
        }
        return null;
    }

    /** Shrinks a policy while {@code stillFails} holds: drops conditions and scope, replaces subexpressions. */
    static Policy shrink(Policy p, Predicate<Policy> stillFails) {
        int budget = SHRINK_BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (Policy candidate : candidates(p)) {
                if (budget-- <= 0) {
                    break;
                }
                if (stillFails.test(candidate)) {
                    p = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return p;
    }

    static List<Policy> candidates(Policy p) {
        List<Policy> out = new ArrayList<>();
        if (!p.annotations().isEmpty()) {
            out.add(p.toBuilder().annotations(Map.of()).build());
        }
        if (!(p.principal() instanceof ScopeConstraint.Any)) {
            out.add(p.toBuilder().principal(new ScopeConstraint.Any()).build());
        }
        if (!(p.action() instanceof ActionConstraint.Any)) {
            out.add(p.toBuilder().action(new ActionConstraint.Any()).build());
        }
        if (!(p.resource() instanceof ScopeConstraint.Any)) {
            out.add(p.toBuilder().resource(new ScopeConstraint.Any()).build());
        }
        for (int k = 0; k < p.conditions().size(); k++) {
            List<Condition> rest = new ArrayList<>(p.conditions());
            rest.remove(k);
            out.add(p.toBuilder().conditions(rest).build());
        }
        for (int k = 0; k < p.conditions().size(); k++) {
            Condition cond = p.conditions().get(k);
            int size = ExprTrees.size(cond.body());
            for (int j = 0; j < size; j++) {
                Expr here = ExprTrees.at(cond.body(), j);
                List<Expr> replacements = new ArrayList<>(here.children());
                replacements.addAll(ExprTrees.dropOne(here));
                if (!(here instanceof Expr.Literal)) {
                    replacements.add(new Expr.Literal(BoolValue.TRUE));
                }
                for (Expr r : replacements) {
                    List<Condition> conds = new ArrayList<>(p.conditions());
                    conds.set(k, new Condition(cond.kind(), ExprTrees.replace(cond.body(), j, r)));
                    out.add(p.toBuilder().conditions(conds).build());
                }
            }
        }
        return out;
    }

    static DrtTarget.Finding finding(long seed, Policy policy) {
        String name = "json-" + Long.toHexString(seed);
        String text = policy.toCedar();
        Policy parsed = PolicyParser.parsePolicy(policy.id(), text);
        ObjectNode test = MAPPER.createObjectNode();
        test.put("policies", "policy-json/" + name + ".cedar");
        String ourJson = CedarJson.writePolicy(parsed);
        test.put("referenceTextOfOurJson", Oracle.policyFromJson(ourJson));
        test.set("referenceJson", Oracle.policyToJson(text));
        test.put("seed", Long.toString(seed));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("policy-json/" + name + ".cedar", text + "\n");
        files.put("policy-json/" + name + ".json", AuthTarget.pretty(test));
        return new DrtTarget.Finding("policy-json", seed, problem(policy), files);
    }
}
