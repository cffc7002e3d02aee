package io.cedarwood.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One request against {@code policies} policies of which exactly one is satisfied (see {@link DocsGen#policies}). */
@State(Scope.Benchmark)
public class ScalingBenchmark extends SingleRequestBenchmark {
    @Param({"10", "100", "1000", "10000", "100000"})
    public int policies;

    @Setup
    public void setUp() {
        prepare("scaling " + policies, DocsGen.policies(policies), DocsGen.scalingCase(policies));
    }
}
