package io.cedarwood.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A principal ten groups deep in a store of {@code entities} entities (see {@link DocsGen#hierarchyCase}). */
@State(Scope.Benchmark)
public class HierarchyBenchmark extends SingleRequestBenchmark {
    @Param({"1000"})
    public int entities;

    @Setup
    public void setUp() {
        prepare("hierarchy " + entities, DocsGen.HIERARCHY_POLICIES, DocsGen.hierarchyCase(entities));
    }
}
