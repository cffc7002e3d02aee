package io.cedarwood.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One request against {@code policies} policies with unconstrained scopes told apart only by their
 * conditions (see {@link ConditionsGen#policies}).
 */
@State(Scope.Benchmark)
public class ConditionsBenchmark extends SingleRequestBenchmark {
    @Param({"10", "100", "1000", "10000"})
    public int policies;

    @Setup
    public void setUp() {
        prepare("conditions " + policies, ConditionsGen.policies(policies), ConditionsGen.request(policies));
    }
}
