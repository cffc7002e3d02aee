package io.cedarwood.benchmarks;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The TinyTodo cases in both engines' types, checked to get the same answers from both. */
final class TinyTodoData {
    static final int CASES = 32;

    final Authorizer authorizer = new Authorizer();
    final PolicySet ourPolicies;
    final Request[] ourRequests = new Request[CASES];
    final Entities[] ourEntities = new Entities[CASES];
    final com.cedarpolicy.model.policy.PolicySet theirPolicies;
    final com.cedarpolicy.model.AuthorizationRequest[] theirRequests = new com.cedarpolicy.model.AuthorizationRequest[CASES];
    final List<Set<com.cedarpolicy.model.entity.Entity>> theirEntities = new ArrayList<>();

    TinyTodoData(String policies, int entities) {
        String text = TinyTodoGen.policies(policies);
        List<Model.Case> cases = TinyTodoGen.cases(CASES, entities, 42 + entities);
        ourPolicies = PolicySet.parse(text);
        theirPolicies = CedarJava.policies(text);
        for (int i = 0; i < CASES; i++) {
            Model.Case c = cases.get(i);
            ourRequests[i] = Cedarwood.request(c.request());
            ourEntities[i] = Cedarwood.entities(c.entities());
            theirRequests[i] = CedarJava.request(c.request());
            theirEntities.add(CedarJava.entities(c.entities()));
        }
        Agreement.check("TinyTodo " + policies + " policies, " + entities + " entities", CASES,
                i -> Cedarwood.summary(authorizer.isAuthorized(ourRequests[i], ourPolicies, ourEntities[i])),
                i -> CedarJava.summary(CedarJava.authorize(theirRequests[i], theirPolicies, theirEntities.get(i))));
    }
}
