package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks Cedar what the current user may do, without doing it: to filter the lists a user sees, and to grey
 * out the buttons of actions they may not take. The same policies, entities and principal as the checks
 * that guard the actions themselves; these questions are not the user's "last decision".
 */
@Component
public class Permissions {
    public static final EntityUid APPLICATION = EntityUid.of("Application", "TinyTodo");

    /** The actions on a list, in the order the "Why?" panel lists them. */
    public static final List<String> LIST_ACTIONS = List.of("GetList", "UpdateList", "DeleteList", "CreateTask",
            "UpdateTask", "DeleteTask", "EditShare");

    private final CedarAuthorizationService cedar;
    private final PolicyStore policies;

    public Permissions(CedarAuthorizationService cedar, PolicyStore policies) {
        this.cedar = cedar;
        this.policies = policies;
    }

    public static EntityUid list(long listId) {
        return EntityUid.of("List", Long.toString(listId));
    }

    /** Whether the current user may do {@code action} (an id: {@code GetList}) to {@code resource}. */
    public boolean allows(String action, EntityUid resource) {
        return decide(action, resource).isGranted();
    }

    /** Cedar's answer, explained. */
    public Explanation explain(String action, EntityUid resource) {
        return Explanation.of(decide(action, resource).decision(), policies.current().policies());
    }

    /** What the current user may do to a list: each of {@link #LIST_ACTIONS}, explained. */
    public Map<String, Explanation> onList(long listId) {
        Map<String, Explanation> answers = new LinkedHashMap<>();
        for (String action : LIST_ACTIONS) {
            answers.put(action, explain(action, list(listId)));
        }
        return answers;
    }

    private CedarAuthorizationDecision decide(String action, EntityUid resource) {
        return cedar.authorize(Source.PERMISSION, SecurityContextHolder.getContext().getAuthentication(),
                cedar.action(action), resource, CedarAuthorizationService.currentRequest());
    }
}
