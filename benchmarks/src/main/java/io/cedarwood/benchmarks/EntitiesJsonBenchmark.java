package io.cedarwood.benchmarks;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Entities read from the entities JSON format per request, the usual web pattern: a TinyTodo store of
 * {@code entities} entities (users with attributes, teams in a hierarchy, lists with owner, readers,
 * editors and tasks; see {@link TinyTodoGen}) as JSON text, read into a store. Ours: {@code
 * CedarJson.readEntities} and {@code Entities.of} (which computes the ancestors); cedar-java's: {@code
 * Entities.parse}, its own reading of the format into its entity objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EntitiesJsonBenchmark {
    @Param({"50", "500", "5000"})
    public int entities;

    String json;

    @Setup
    public void setUp() throws Exception {
        json = CedarJson.writeEntities(Cedarwood.entities(TinyTodoGen.cases(1, entities, 20).get(0).entities()).all());
        TreeSet<String> ours = new TreeSet<>();
        cedarwood().all().forEach(e -> ours.add(e.uid().toString()));
        TreeSet<String> theirs = new TreeSet<>();
        cedarJava().getEntities().forEach(e -> theirs.add(e.getEUID().toString()));
        if (ours.size() != entities || theirs.size() != entities) {
            throw new IllegalStateException("entities JSON: cedarwood read " + ours.size() + ", cedar-java "
                    + theirs.size() + " of " + entities);
        }
        System.out.println("entities JSON: both engines read " + entities + " entities from " + json.length() + " characters");
    }

    @Benchmark
    public Entities cedarwood() {
        return Entities.of(CedarJson.readEntities(json));
    }

    @Benchmark
    public com.cedarpolicy.model.entity.Entities cedarJava() throws Exception {
        return com.cedarpolicy.model.entity.Entities.parse(json);
    }
}
