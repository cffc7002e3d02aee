package io.cedarwood.engine.drt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.authz.IndexedAuthorizer;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.ReferenceAuthorizer;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Target (2), authorization: for each of a case's eight requests, the decision, the determining policies
 * and the erroring policies must be the same. Both engines read the same policy texts (printed from the
 * generated trees), the same entities JSON and the same context JSON; neither gets the schema, so this
 * compares evaluation, not schema-based parsing or request validation.
 */
final class AuthTarget implements DrtTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Authorizer AUTHORIZER = new Authorizer();
    private static final int SHRINK_BUDGET = 4000;

    @Override
    public String name() {
        return "authorization";
    }

    /** What an engine answered: a decision with reasons and errors, or a failure to load the inputs. */
    record Outcome(boolean allow, Set<String> reason, Set<String> errors, String failure) {
        boolean sameAs(Outcome o) {
            if (failure != null || o.failure != null) {
                return failure != null && o.failure != null;
            }
            return allow == o.allow && reason.equals(o.reason) && errors.equals(o.errors);
        }

        @Override
        public String toString() {
            return failure != null ? "failure: " + failure
                    : (allow ? "allow" : "deny") + " reason=" + reason + " errors=" + errors;
        }
    }

    /** A case as both engines read it. */
    static final class Prepared {
        final AuthCase source;
        final ObjectNode policySetJson;
        final String entitiesJson;
        final PolicySet ours;
        final IndexedAuthorizer ourIndexed;
        final Entities ourEntities;
        final String ourFailure;

        Prepared(AuthCase c) {
            this.source = c;
            this.policySetJson = MAPPER.createObjectNode();
            ObjectNode statics = policySetJson.putObject("staticPolicies");
            ObjectNode templates = policySetJson.putObject("templates");
            ArrayNode links = policySetJson.putArray("templateLinks");
            for (Policy p : c.policies()) {
                (p.isTemplate() ? templates : statics).put(p.id().value(), p.toCedar());
            }
            for (AuthCase.Link l : c.links()) {
                ObjectNode link = links.addObject();
                link.put("templateId", l.templateId().value());
                link.put("newId", l.newId().value());
                ObjectNode values = link.putObject("values");
                l.values().forEach((slot, uid) -> values.set(slot.cedarName(), uidJson(uid)));
            }
            this.entitiesJson = CedarJson.writeEntities(c.entities());
            PolicySet set = null;
            Entities entities = null;
            String failure = null;
            try {
                set = PolicySet.EMPTY;
                for (Policy p : c.policies()) {
                    set = set.add(PolicyParser.parsePolicy(p.id(), p.toCedar()));
                }
                for (AuthCase.Link l : c.links()) {
                    set = set.link(l.templateId(), l.newId(), l.values());
                }
            } catch (CedarException e) {
                failure = "policies: " + e.getMessage();
            }
            try {
                entities = Entities.of(CedarJson.readEntities(entitiesJson));
            } catch (CedarException e) {
                failure = (failure == null ? "" : failure + "; ") + "entities: " + e.getMessage();
            }
            this.ours = set;
            this.ourIndexed = set == null ? null : new IndexedAuthorizer(set);
            this.ourEntities = entities;
            this.ourFailure = failure;
        }

        Outcome ours(Request r) {
            if (ourFailure != null) {
                return new Outcome(false, Set.of(), Set.of(), ourFailure);
            }
            RecordValue context;
            try {
                context = CedarJson.readContext(CedarJson.writeValue(r.context()));
            } catch (CedarException e) {
                return new Outcome(false, Set.of(), Set.of(), "context: " + e.getMessage());
            }
            Request request = new Request(r.principal(), r.action(), r.resource(), context);
            Response response = AUTHORIZER.isAuthorized(request, ours, ourEntities);
            // generated sets are small, so the authorizer scans them; the scope index must answer the same
            Response indexed = ourIndexed.isAuthorized(request, ourEntities);
            if (!indexed.equals(response)) {
                return new Outcome(false, Set.of(), Set.of(),
                        "the scope index answers " + indexed + " where scanning answers " + response);
            }
            // and both are optimisations of the reference authorizer (each policy's toExpr(), interpreted)
            Response reference = ReferenceAuthorizer.isAuthorized(request, ours, ourEntities);
            if (!reference.equals(response)) {
                return new Outcome(false, Set.of(), Set.of(),
                        "the reference authorizer answers " + reference + " where the authorizer answers " + response);
            }
            Set<String> reason = response.diagnostics().reason().stream().map(PolicyId::value)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> errors = response.diagnostics().errors().stream().map(e -> e.policyId().value())
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Outcome(response.isAllowed(), reason, errors, null);
        }

        Outcome reference(Request r) {
            Oracle.Answer a = Oracle.authorize(policySetJson, entitiesJson, uidJson(r.principal()),
                    uidJson(r.action()), uidJson(r.resource()), CedarJson.writeValue(r.context()));
            return new Outcome(a.allow(), a.reason(), a.errors(), a.failure());
        }

        /** Counts outcomes and, for each erroring policy, the kind of error our evaluator gave. */
        void cover(Request r, Outcome ours, Coverage coverage) {
            coverage.add(ours.failure() != null ? "outcome.failure" : ours.allow() ? "outcome.allow" : "outcome.deny");
            if (ours.failure() != null) {
                return;
            }
            if (!ours.errors().isEmpty()) {
                coverage.add("outcome.with-errors");
            }
            for (String id : ours.errors()) {
                Policy p = this.ours.policy(PolicyId.of(id));
                try {
                    Evaluator.isSatisfied(p, r, ourEntities);
                } catch (EvaluationException e) {
                    coverage.add("error." + e.kind().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    static ObjectNode uidJson(EntityUid uid) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", uid.type().name());
        n.put("id", uid.id());
        return n;
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        AuthCase c = AuthCase.generate(new Rng(seed));
        coverage.schema(c.schema());
        c.policies().forEach(coverage::policy);
        coverage.add("entities", c.entities().size());
        if (!c.links().isEmpty()) {
            coverage.add("policy.template-link", c.links().size());
        }
        Prepared p = new Prepared(c);
        int n = 0;
        for (Request r : c.requests()) {
            n++;
            Outcome ours = p.ours(r);
            Outcome reference = p.reference(r);
            p.cover(r, ours, coverage);
            if (!ours.sameAs(reference)) {
                AuthCase small = minimize(c.withRequests(List.of(r)));
                return new Result(n, finding(seed, small));
            }
        }
        return Result.agreed(n);
    }

    /** Whether the engines disagree on the (single) request of {@code c}. */
    static boolean disagrees(AuthCase c) {
        try {
            Prepared p = new Prepared(c);
            Request r = c.requests().get(0);
            return !p.ours(r).sameAs(p.reference(r));
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ----------------------------------------------------------------------------------------- minimizing

    /** Shrinks a disagreeing single-request case while it still disagrees. */
    static AuthCase minimize(AuthCase c) {
        return minimize(c, AuthTarget::disagrees);
    }

    /** Shrinks a single-request case while {@code disagrees} holds (shared with the validation target). */
    static AuthCase minimize(AuthCase c, java.util.function.Predicate<AuthCase> disagrees) {
        c = c.renumbered();
        int budget = SHRINK_BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (Supplier<AuthCase> candidate : candidates(c)) {
                if (budget-- <= 0) {
                    break;
                }
                AuthCase smaller = candidate.get();
                if (smaller != null && disagrees.test(smaller)) {
                    c = smaller;
                    progress = true;
                    break;
                }
            }
        }
        return c;
    }

    private static List<Supplier<AuthCase>> candidates(AuthCase c) {
        List<Supplier<AuthCase>> out = new ArrayList<>();
        List<Policy> policies = c.policies();
        for (int i = 0; i < policies.size(); i++) {
            int at = i;
            out.add(() -> {
                List<Policy> rest = new ArrayList<>(policies);
                Policy removed = rest.remove(at);
                List<AuthCase.Link> links = c.links().stream()
                        .filter(l -> !l.templateId().equals(removed.id())).collect(Collectors.toList());
                return c.withPolicies(rest, links).renumbered();
            });
        }
        for (int i = 0; i < c.links().size(); i++) {
            int at = i;
            out.add(() -> {
                List<AuthCase.Link> rest = new ArrayList<>(c.links());
                rest.remove(at);
                return c.withPolicies(policies, rest);
            });
        }
        List<Entity> entities = c.entities();
        for (int i = 0; i < entities.size(); i++) {
            int at = i;
            out.add(() -> {
                List<Entity> rest = new ArrayList<>(entities);
                rest.remove(at);
                return c.withEntities(rest);
            });
        }
        for (int i = 0; i < entities.size(); i++) {
            int at = i;
            Entity e = entities.get(i);
            if (!e.parents().isEmpty()) {
                out.add(() -> replaceEntity(c, at, new Entity(e.uid(), e.attributes(), Set.of(), e.tags())));
                for (EntityUid parent : e.parents()) {
                    out.add(() -> {
                        Set<EntityUid> rest = new java.util.LinkedHashSet<>(e.parents());
                        rest.remove(parent);
                        return replaceEntity(c, at, new Entity(e.uid(), e.attributes(), rest, e.tags()));
                    });
                }
            }
            if (!e.tags().isEmpty()) {
                out.add(() -> replaceEntity(c, at, new Entity(e.uid(), e.attributes(), e.parents(), Map.of())));
            }
            for (String attr : e.attributes().keySet()) {
                out.add(() -> {
                    Map<String, Value> rest = new LinkedHashMap<>(e.attributes());
                    rest.remove(attr);
                    return replaceEntity(c, at, new Entity(e.uid(), rest, e.parents(), e.tags()));
                });
            }
        }
        for (int i = 0; i < policies.size(); i++) {
            int at = i;
            Policy p = policies.get(i);
            if (!p.annotations().isEmpty()) {
                out.add(() -> replacePolicy(c, at, p.toBuilder().annotations(Map.of()).build()));
            }
            if (!p.isTemplate()) {
                if (!(p.principal() instanceof ScopeConstraint.Any)) {
                    out.add(() -> replacePolicy(c, at, p.toBuilder().principal(new ScopeConstraint.Any()).build()));
                }
                if (!(p.resource() instanceof ScopeConstraint.Any)) {
                    out.add(() -> replacePolicy(c, at, p.toBuilder().resource(new ScopeConstraint.Any()).build()));
                }
            }
            if (!(p.action() instanceof ActionConstraint.Any)) {
                out.add(() -> replacePolicy(c, at, p.toBuilder().action(new ActionConstraint.Any()).build()));
            }
            for (int k = 0; k < p.conditions().size(); k++) {
                int ck = k;
                out.add(() -> {
                    List<Condition> rest = new ArrayList<>(p.conditions());
                    rest.remove(ck);
                    return replacePolicy(c, at, p.toBuilder().conditions(rest).build());
                });
            }
            for (int k = 0; k < p.conditions().size(); k++) {
                int ck = k;
                Condition cond = p.conditions().get(k);
                int size = ExprTrees.size(cond.body());
                for (int j = 0; j < size; j++) {
                    int node = j;
                    Expr here = ExprTrees.at(cond.body(), j);
                    List<Expr> replacements = new ArrayList<>(here.children());
                    replacements.addAll(ExprTrees.dropOne(here));
                    if (!(here instanceof Expr.Literal)) {
                        replacements.add(new Expr.Literal(BoolValue.TRUE));
                        replacements.add(new Expr.Literal(BoolValue.FALSE));
                    }
                    for (Expr r : replacements) {
                        out.add(() -> {
                            List<Condition> conds = new ArrayList<>(p.conditions());
                            conds.set(ck, new Condition(cond.kind(), ExprTrees.replace(cond.body(), node, r)));
                            return replacePolicy(c, at, p.toBuilder().conditions(conds).build());
                        });
                    }
                }
            }
        }
        Request r = c.requests().get(0);
        for (String attr : r.context().attributes().keySet()) {
            out.add(() -> {
                Map<String, Value> rest = new LinkedHashMap<>(r.context().attributes());
                rest.remove(attr);
                return c.withRequests(List.of(new Request(r.principal(), r.action(), r.resource(),
                        RecordValue.of(rest))));
            });
        }
        return out;
    }

    private static AuthCase replaceEntity(AuthCase c, int at, Entity e) {
        List<Entity> list = new ArrayList<>(c.entities());
        list.set(at, e);
        return c.withEntities(list);
    }

    private static AuthCase replacePolicy(AuthCase c, int at, Policy p) {
        List<Policy> list = new ArrayList<>(c.policies());
        list.set(at, p);
        return c.withPolicies(list, c.links());
    }

    // ------------------------------------------------------------------------------------ regression files

    /** The regression files of a minimized case, with the reference's answer as the expected one. */
    static DrtTarget.Finding finding(long seed, AuthCase c) {
        Prepared p = new Prepared(c);
        Request r = c.requests().get(0);
        Outcome ours = p.ours(r);
        Outcome reference = p.reference(r);
        String name = "auth-" + Long.toHexString(seed);
        String dir = reference.failure() != null ? "rejected/" : "authorization/";
        Map<String, String> files = new LinkedHashMap<>();
        ObjectNode test = MAPPER.createObjectNode();
        boolean json = !c.links().isEmpty() || c.policies().stream().anyMatch(Policy::isTemplate);
        String policiesFile = dir + name + (json ? ".policies.json" : ".cedar");
        if (json) {
            JsonNode est = Oracle.estPolicySet(p.policySetJson);
            files.put(policiesFile, pretty(est != null ? est : p.policySetJson));
            test.put("policyFormat", "json");
        } else {
            files.put(policiesFile, c.policies().stream().map(Policy::toCedar).collect(Collectors.joining("\n\n")) + "\n");
        }
        files.put(dir + name + ".entities.json", pretty(read(p.entitiesJson)));
        test.put("policies", policiesFile);
        test.put("entities", dir + name + ".entities.json");
        // no "schema": both engines were compared without one (the integration runner then reads entities
        // and contexts without a schema too, and does not check shouldValidate)
        test.put("seed", Long.toString(seed));
        test.put("ours", ours.toString());
        ArrayNode requests = test.putArray("requests");
        ObjectNode req = requests.addObject();
        req.put("description", "found by differential testing, seed " + seed);
        req.set("principal", uidJson(r.principal()));
        req.set("action", uidJson(r.action()));
        req.set("resource", uidJson(r.resource()));
        req.set("context", read(CedarJson.writeValue(r.context())));
        req.put("validateRequest", false);
        if (reference.failure() != null) {
            req.put("referenceFailure", reference.failure());
        } else {
            req.put("decision", reference.allow() ? "allow" : "deny");
            ArrayNode reason = req.putArray("reason");
            reference.reason().forEach(reason::add);
            ArrayNode errors = req.putArray("errors");
            reference.errors().forEach(errors::add);
        }
        files.put(dir + name + ".json", pretty(test));
        String description = "ours " + ours + ", reference " + reference + "\n"
                + files.get(policiesFile) + "\nrequest " + r.principal() + " " + r.action() + " " + r.resource()
                + " " + r.context().toCedar() + "\nentities " + p.entitiesJson;
        return new DrtTarget.Finding("authorization", seed, description, files);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(JsonNode n) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
