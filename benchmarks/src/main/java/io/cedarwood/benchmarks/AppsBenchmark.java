package io.cedarwood.benchmarks;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One authorization in the GitHub-like or Google-Drive-like application (see {@link AppsGen}), as {@link TinyTodoBenchmark}. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AppsBenchmark {
    static final int CASES = TinyTodoData.CASES;

    @Param({"github", "gdrive"})
    public String app;

    @Param({"20"})
    public int entities;

    final Authorizer authorizer = new Authorizer();
    PolicySet ourPolicies;
    final Request[] ourRequests = new Request[CASES];
    final Entities[] ourEntities = new Entities[CASES];
    com.cedarpolicy.model.policy.PolicySet theirPolicies;
    final com.cedarpolicy.model.AuthorizationRequest[] theirRequests = new com.cedarpolicy.model.AuthorizationRequest[CASES];
    final List<Set<com.cedarpolicy.model.entity.Entity>> theirEntities = new ArrayList<>();

    @Setup
    public void setUp() {
        String text = AppsGen.policies(app);
        List<Model.Case> cases = AppsGen.cases(app, CASES, entities, 7 + entities);
        ourPolicies = PolicySet.parse(text);
        theirPolicies = CedarJava.policies(text);
        for (int i = 0; i < CASES; i++) {
            Model.Case c = cases.get(i);
            ourRequests[i] = Cedarwood.request(c.request());
            ourEntities[i] = Cedarwood.entities(c.entities());
            theirRequests[i] = CedarJava.request(c.request());
            theirEntities.add(CedarJava.entities(c.entities()));
        }
        Agreement.check(app + ", " + entities + " entities", CASES,
                i -> Cedarwood.summary(authorizer.isAuthorized(ourRequests[i], ourPolicies, ourEntities[i])),
                i -> CedarJava.summary(CedarJava.authorize(theirRequests[i], theirPolicies, theirEntities.get(i))));
    }

    @Benchmark
    public Response cedarwood(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return authorizer.isAuthorized(ourRequests[i], ourPolicies, ourEntities[i]);
    }

    @Benchmark
    public Object cedarJava(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return CedarJava.authorize(theirRequests[i], theirPolicies, theirEntities.get(i));
    }
}
