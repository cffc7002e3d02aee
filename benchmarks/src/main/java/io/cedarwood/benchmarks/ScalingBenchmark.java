package io.cedarwood.benchmarks;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.Entities;
import io.cedarwood.engine.PolicySet;
import io.cedarwood.engine.Request;
import io.cedarwood.engine.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One request against {@code policies} policies of which exactly one is satisfied (see {@link DocsGen#policies}). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ScalingBenchmark {
    @Param({"10", "100", "1000", "10000", "100000"})
    public int policies;

    final Authorizer authorizer = new Authorizer();
    PolicySet ourPolicies;
    Request ourRequest;
    Entities ourEntities;
    com.cedarpolicy.model.policy.PolicySet theirPolicies;
    com.cedarpolicy.model.AuthorizationRequest theirRequest;
    Set<com.cedarpolicy.model.entity.Entity> theirEntities;

    @Setup
    public void setUp() {
        String text = DocsGen.policies(policies);
        Model.Case c = DocsGen.scalingCase(policies);
        ourPolicies = PolicySet.parse(text);
        ourRequest = Cedarwood.request(c.request());
        ourEntities = Cedarwood.entities(c.entities());
        theirPolicies = CedarJava.policies(text);
        theirRequest = CedarJava.request(c.request());
        theirEntities = CedarJava.entities(c.entities());
        Agreement.check("scaling " + policies, 1, i -> Cedarwood.summary(cedarwood()), i -> CedarJava.summary(
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
