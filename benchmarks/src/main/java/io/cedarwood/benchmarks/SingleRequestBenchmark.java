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

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One request against one policy text and store, asked of both engines: a subclass's {@code @Setup}
 * calls {@link #prepare} with its case, which also checks that the engines agree on it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
abstract class SingleRequestBenchmark {
    final Authorizer authorizer = new Authorizer();
    PolicySet ourPolicies;
    Request ourRequest;
    Entities ourEntities;
    com.cedarpolicy.model.policy.PolicySet theirPolicies;
    com.cedarpolicy.model.AuthorizationRequest theirRequest;
    Set<com.cedarpolicy.model.entity.Entity> theirEntities;

    final void prepare(String label, String policyText, Model.Case c) {
        ourPolicies = PolicySet.parse(policyText);
        ourRequest = Cedarwood.request(c.request());
        ourEntities = Cedarwood.entities(c.entities());
        theirPolicies = CedarJava.policies(policyText);
        theirRequest = CedarJava.request(c.request());
        theirEntities = CedarJava.entities(c.entities());
        Agreement.check(label, 1, i -> Cedarwood.summary(cedarwood()), i -> CedarJava.summary(
                CedarJava.authorize(theirRequest, theirPolicies, theirEntities)));
    }

    @Benchmark
    public Response cedarwood() {
        return authorizer.isAuthorized(ourRequest, ourPolicies, ourEntities);
    }

    @Benchmark
    public Object cedarJava() {
        return CedarJava.authorize(theirRequest, theirPolicies, theirEntities);
    }
}
