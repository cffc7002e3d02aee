package io.cedarwood.engine.drt;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;
import io.cedarwood.engine.partial.ResidualPolicy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Partial authorization against the reference's ({@code is_authorized_partial} through cedar-java's FFI):
 * requests whose principal, action or resource is unknown (the reference takes no unknown context, and
 * reads entities as all known), compared on the decision, the satisfied, errored, may-be-determining and
 * must-be-determining policies, which policies are non-trivial residuals, and the shape of each residual as
 * far as the two printers can be compared: the unknown variables it mentions.
 */
final class PartialAuthTarget implements DrtTarget {
    private static final Authorizer AUTHORIZER = new Authorizer();

    @Override
    public String name() {
        return "partial-authorization";
    }

    /** Both answers in one comparable form. */
    record Outcome(String decision, Set<String> satisfied, Set<String> errored, Set<String> mayBeDetermining,
            Set<String> mustBeDetermining, Map<String, Set<String>> residualUnknowns, String failure) {

        /**
         * Equal sets, and the same non-trivial residuals, each of ours mentioning at least the unknowns the
         * reference's does: where a branch errors for every completion the reference writes an error node and
         * we keep the branch as written (with the known variables filled in), which may mention more.
         */
        boolean agreesWith(Outcome reference) {
            if (!(java.util.Objects.equals(decision, reference.decision) && satisfied.equals(reference.satisfied)
                    && errored.equals(reference.errored) && mayBeDetermining.equals(reference.mayBeDetermining)
                    && mustBeDetermining.equals(reference.mustBeDetermining)
                    && java.util.Objects.equals(failure, reference.failure)
                    && residualUnknowns.keySet().equals(reference.residualUnknowns.keySet()))) {
                return false;
            }
            for (Map.Entry<String, Set<String>> e : residualUnknowns.entrySet()) {
                if (!e.getValue().containsAll(reference.residualUnknowns.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public Result check(long seed, Coverage coverage) {
        Rng rng = new Rng(seed);
        AuthCase c = AuthCase.generate(rng, false);
        AuthTarget.Prepared p = new AuthTarget.Prepared(c);
        if (p.ourFailure != null) {
            return Result.agreed(0);
        }
        int n = 0;
        for (Request r : c.requests()) {
            boolean principal = rng.chance(0.5);
            boolean action = rng.chance(0.8);
            boolean resource = !principal || rng.chance(0.5);
            PartialRequest partial = PartialRequest.builder().principal(principal ? r.principal() : null)
                    .action(action ? r.action() : null).resource(resource ? r.resource() : null)
                    .context(r.context()).build();
            Outcome ours = ours(p, partial);
            Oracle.PartialAnswer a = Oracle.authorizePartial(p.policySetJson, p.entitiesJson,
                    principal ? AuthTarget.uidJson(r.principal()) : null, action ? AuthTarget.uidJson(r.action()) : null,
                    resource ? AuthTarget.uidJson(r.resource()) : null, CedarJson.writeValue(r.context()));
            Outcome reference = new Outcome(a.decision(), a.satisfied(), a.errored(), a.mayBeDetermining(),
                    a.mustBeDetermining(), a.residualUnknowns(), a.failure());
            if (!c.links().isEmpty() && reference.failure() != null && reference.failure().contains("template slot")) {
                // the reference's FFI fails on some sets with template-linked policies ("found template slot
                // ?resource in a `when` clause"); our side of links is checked by PartialEvaluationPropertiesTest
                coverage.add("partial.reference-refused-links");
                continue;
            }
            n++;
            coverage.add(ours.decision() == null ? "partial.unknown" : "partial." + ours.decision());
            if (!ours.agreesWith(reference)) {
                return new Result(n, new Finding(name(), seed, "partial request " + partial + "\npolicies:\n"
                        + p.ours.toCedar() + "\nentities: " + p.entitiesJson + "\nours:      " + ours
                        + "\nreference: " + reference + "\nour residuals:\n" + residuals(p, partial), Map.of()));
            }
        }
        return Result.agreed(n);
    }

    static Outcome ours(AuthTarget.Prepared p, PartialRequest partial) {
        PartialResponse response = AUTHORIZER.isAuthorizedPartial(partial, p.ours, PartialEntityProvider.of(p.ourEntities));
        Map<String, Set<String>> unknowns = new TreeMap<>();
        for (ResidualPolicy residual : response.residuals()) {
            unknowns.put(residual.id().value(), variables(residual.condition()));
        }
        return new Outcome(response.decision().map(d -> d == Decision.ALLOW ? "allow" : "deny").orElse(null),
                names(response.satisfied()), names(response.errored()), names(response.mayBeDetermining()),
                names(response.mustBeDetermining()), unknowns, null);
    }

    private static String residuals(AuthTarget.Prepared p, PartialRequest partial) {
        StringBuilder out = new StringBuilder();
        for (ResidualPolicy r : AUTHORIZER.isAuthorizedPartial(partial, p.ours, PartialEntityProvider.of(p.ourEntities))
                .residuals()) {
            out.append(r.id()).append(": ").append(r.condition().toCedar()).append('\n');
        }
        return out.toString();
    }

    private static Set<String> names(Set<PolicyId> ids) {
        Set<String> out = new TreeSet<>();
        ids.forEach(id -> out.add(id.value()));
        return out;
    }

    /** The request variables an expression mentions. */
    static Set<String> variables(Expr e) {
        Set<String> out = new TreeSet<>();
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr next = todo.pop();
            if (next instanceof Expr.Var v) {
                out.add(v.variable().cedarName());
            }
            next.children().forEach(todo::push);
        }
        return out;
    }
}
