package io.cedarwood.benchmarks;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyLocations;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.engine.authz.PolicySet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loading N policies that each carry an {@code @id}: through the enforcement core, as both integrations load
 * their files ({@code PolicyLoader}: read, digest, parse, rename to the {@code @id}s, one
 * {@code PolicySet.of}), against the engine alone on the same text ({@code PolicySet.parse} and one
 * {@code PolicySet.of}). The target: the core at most 2x the engine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PolicyLoadingBenchmark {
    @Param({"10000"})
    public int policies;

    String text;
    PolicyLoader loader;

    @Setup
    public void setUp() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < policies; i++) {
            b.append("@id(\"rule-").append(i).append("\")\n");
            if (i % 10 == 0) {
                b.append("forbid(principal, action == Action::\"delete\", resource == Doc::\"d").append(i)
                        .append("\") unless { principal in Group::\"admins\" };\n");
            } else {
                b.append("permit(principal == User::\"u").append(i).append("\", action == Action::\"view\", resource == Doc::\"d")
                        .append(i).append("\") when { context has time };\n");
            }
        }
        text = b.toString();
        PolicySource source = new PolicySource("policies.cedar", text);
        loader = PolicyLoader.of(new PolicyLocations() {
            @Override
            public List<PolicySource> policies() {
                return List.of(source);
            }

            @Override
            public Optional<PolicySource> schema() {
                return Optional.empty();
            }
        });
        PolicyBundle loaded = loader.load();
        if (loaded.size() != policies || loaded.policies().policy(io.cedarwood.engine.ast.PolicyId.of("rule-" + (policies - 1))) == null) {
            throw new IllegalStateException("the core did not load the " + policies + " policies under their @ids");
        }
        if (engine().policies().size() != policies) {
            throw new IllegalStateException("the engine did not read " + policies + " policies");
        }
    }

    @Benchmark
    public PolicyBundle core() {
        return loader.load();
    }

    @Benchmark
    public PolicySet engine() {
        return PolicySet.of(PolicySet.parse(text).policies());
    }
}
