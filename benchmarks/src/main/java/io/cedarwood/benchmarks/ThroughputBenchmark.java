package io.cedarwood.benchmarks;

import io.cedarwood.engine.authz.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;

/**
 * Authorizations per second on one and on two threads sharing one policy set and the entity stores
 * (TinyTodo, 7 policies, 20 entities per request): the engine takes no lock on this path, so two threads
 * should get close to twice the work done on a machine with two free cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ThroughputBenchmark {
    TinyTodoData data;

    @Setup
    public void setUp() {
        data = new TinyTodoData("7", 20);
    }

    @Benchmark
    @Threads(1)
    public Response cedarwood1(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return data.authorizer.isAuthorized(data.ourRequests[i], data.ourPolicies, data.ourEntities[i]);
    }

    @Benchmark
    @Threads(2)
    public Response cedarwood2(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return data.authorizer.isAuthorized(data.ourRequests[i], data.ourPolicies, data.ourEntities[i]);
    }

    @Benchmark
    @Threads(1)
    public Object cedarJava1(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return CedarJava.authorize(data.theirRequests[i], data.theirPolicies, data.theirEntities.get(i));
    }

    @Benchmark
    @Threads(2)
    public Object cedarJava2(TinyTodoBenchmark.Cursor cursor) {
        int i = cursor.advance();
        return CedarJava.authorize(data.theirRequests[i], data.theirPolicies, data.theirEntities.get(i));
    }
}
