package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Cedar decision told for people: what was asked, the answer, the policies that determined it (with
 * their text) and the policies that failed to evaluate. What the "Why?" panel and the API's 403 bodies show.
 *
 * @param decision {@code ALLOW} or {@code DENY}
 * @param principal the Cedar principal, {@code User::"kesha"}; empty when Cedar was not asked
 * @param action the action's id, {@code GetList}
 * @param resource the Cedar resource, {@code List::"3"}
 * @param summary one sentence: why
 * @param policies the determining policies: for an allow the permits that applied, for a denial the
 *     forbids that applied (none when nothing permitted it)
 * @param errors the policies that failed to evaluate (Cedar skips them), as {@code id: message}
 */
public record Explanation(String decision, String principal, String action, String resource, String summary,
        List<PolicyText> policies, List<String> errors, Instant at) implements Serializable {

    /** A policy: its id, {@code permit} or {@code forbid}, its {@code @description} and its Cedar text. */
    public record PolicyText(String id, String effect, String description, String text) implements Serializable {
    }

    public Explanation {
        policies = List.copyOf(policies);
        errors = List.copyOf(errors);
    }

    public boolean allowed() {
        return "ALLOW".equals(decision);
    }

    /** The explanation of {@code decision}, with the text of its policies taken from {@code policySet}. */
    public static Explanation of(EnforcementDecision decision, PolicySet policySet) {
        Request request = decision.request().orElse(null);
        String principal = request == null ? "" : request.principal().toCedar();
        String action = request == null ? "" : request.action().id();
        String resource = request == null ? "" : request.resource().toCedar();
        List<PolicyText> policies = new ArrayList<>();
        for (PolicyId id : decision.diagnostics().reason()) {
            Policy p = policySet.policy(id);
            if (p != null) {
                // the id and the description are shown apart, so the text is the policy without annotations
                String text = p.toBuilder().annotations(Map.of()).build().toCedar();
                policies.add(new PolicyText(id.value(), p.effect().name().toLowerCase(Locale.ROOT),
                        p.annotations().getOrDefault("description", ""), text));
            }
        }
        List<String> errors = new ArrayList<>();
        for (AuthorizationError e : decision.diagnostics().errors()) {
            errors.add(e.policyId().value() + ": " + e.message());
        }
        boolean allowed = decision.response().map(r -> r.isAllowed()).orElse(false);
        String summary;
        if (decision.failure().isPresent()) {
            summary = "Not allowed: Cedar was not asked (" + decision.failure().get() + ").";
        } else if (allowed) {
            summary = "Allowed: " + ids(policies) + " permit" + (policies.size() == 1 ? "s" : "") + " it.";
        } else if (policies.isEmpty()) {
            summary = "Not allowed: no policy permits it, and Cedar denies what no policy permits.";
        } else {
            summary = "Not allowed: " + ids(policies) + " forbid" + (policies.size() == 1 ? "s" : "")
                    + " it, and a forbid always wins over a permit.";
        }
        return new Explanation(allowed ? "ALLOW" : "DENY", principal, action, resource, summary, policies, errors,
                Instant.now());
    }

    private static String ids(List<PolicyText> policies) {
        List<String> quoted = policies.stream().map(p -> "“" + p.id() + "”").toList();
        return (quoted.size() == 1 ? "policy " : "policies ") + String.join(", ", quoted);
    }
}
