package io.cedarwood.benchmarks;

import io.cedarwood.engine.authz.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One TinyTodo authorization: the shipped policies (4, or the 7-policy variant) parsed once, a generated
 * store of {@code entities} entities per request built once; 32 different requests taken in turn. Both
 * engines answer the same requests and are checked to agree before measuring.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TinyTodoBenchmark {
    static final int CASES = TinyTodoData.CASES;

    @Param({"5", "20", "50"})
    public int entities;

    @Param({"4", "7"})
    public String policies;

    TinyTodoData data;

    @Setup
    public void setUp() {
        data = new TinyTodoData(policies, entities);
    }

    /** Which of the cases the next call answers: one cursor per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int i = next;
            next = (i + 1) & (CASES - 1);
            return i;
        }

        @Setup(Level.Trial)
        public void start() {
            next = 0;
        }
    }

    @Benchmark
    public Response cedarwood(Cursor cursor) {
        int i = cursor.advance();
        return data.authorizer.isAuthorized(data.ourRequests[i], data.ourPolicies, data.ourEntities[i]);
    }

    @Benchmark
    public Object cedarJava(Cursor cursor) {
        int i = cursor.advance();
        return CedarJava.authorize(data.theirRequests[i], data.theirPolicies, data.theirEntities.get(i));
    }
}
