package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.sample.tinytodo.cedar.Explanation;
import io.cedarwood.spring.security.CedarAuthorizationDecision;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;

import java.util.Map;

/** What to tell people about a denial. */
@Component
public class Denials {
    private static final Map<String, String> WHAT = Map.of(
            "GetLists", "see lists",
            "CreateList", "create lists",
            "GetList", "see this list",
            "UpdateList", "rename this list",
            "DeleteList", "delete this list",
            "CreateTask", "add tasks to this list",
            "UpdateTask", "change the tasks of this list",
            "DeleteTask", "delete the tasks of this list",
            "EditShare", "change who this list is shared with");

    private final PolicyStore policies;

    public Denials(PolicyStore policies) {
        this.policies = policies;
    }

    /** Cedar's decision behind a denial, explained; {@code null} when Cedar did not decide it (a bad CSRF token). */
    public Explanation explain(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException d
                && d.getAuthorizationResult() instanceof CedarAuthorizationDecision decision) {
            return Explanation.of(decision.decision(), policies.current().policies());
        }
        return null;
    }

    /** "You may not add tasks to this list." */
    public static String sentence(Explanation explanation) {
        if (explanation == null) {
            return "That form has expired: reload the page and try again.";
        }
        return "You may not " + what(explanation.action()) + ".";
    }

    /** "add tasks to this list" */
    public static String what(String action) {
        return WHAT.getOrDefault(action, "do that");
    }
}
