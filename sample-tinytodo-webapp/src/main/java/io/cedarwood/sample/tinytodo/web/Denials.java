package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.sample.tinytodo.cedar.Explanation;
import io.cedarwood.sample.tinytodo.cedar.Permissions;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.enforcement.PolicyStore;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to tell people about a denial. A list the person may not see and a list that does not exist get
 * the same answer: Cedar's reasons about such a list (a forbid about its owner, a policy that failed
 * because the list is missing) would tell whether it exists, so they are not shown.
 */
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

    static final String UNSEEN_LIST = "Not allowed: you may not see this list, or there is no such list.";

    private final PolicyStore policies;
    private final Permissions permissions;

    public Denials(PolicyStore policies, Permissions permissions) {
        this.policies = policies;
        this.permissions = permissions;
    }

    /** Cedar's decision behind a denial, explained; {@code null} when Cedar did not decide it (a bad CSRF token). */
    public Explanation explain(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException d
                && d.getAuthorizationResult() instanceof CedarAuthorizationDecision decision) {
            return shown(Explanation.of(decision.decision(), policies.current().policies()));
        }
        return null;
    }

    /**
     * What the current person may be told of a decision: a denial about a list they may not see says only
     * that, the same whether the list exists or not.
     */
    public Explanation shown(Explanation explanation) {
        if (explanation == null || explanation.allowed() || !explanation.resource().startsWith("List::")) {
            return explanation;
        }
        if (!"GetList".equals(explanation.action()) && mayGetList(explanation.resource())) {
            return explanation;
        }
        return new Explanation(explanation.decision(), explanation.principal(), explanation.action(),
                explanation.resource(), UNSEEN_LIST, List.of(), List.of(), explanation.at());
    }

    private boolean mayGetList(String resource) {
        try {
            EntityUid uid = PolicyParser.parseEntityUid(resource);
            return permissions.allows("GetList", uid);
        } catch (CedarException e) {
            return false;
        }
    }

    /**
     * The decision as the JSON API tells it: the policies by id, effect and description, not their text
     * (the pages show the text; an API client may not be the person).
     */
    public static Map<String, Object> forApi(Explanation explanation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", explanation.decision());
        body.put("principal", explanation.principal());
        body.put("action", explanation.action());
        body.put("resource", explanation.resource());
        body.put("summary", explanation.summary());
        body.put("policies", explanation.policies().stream()
                .map(p -> Map.of("id", p.id(), "effect", p.effect(), "description", p.description()))
                .toList());
        body.put("errors", explanation.errors());
        return body;
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
