package io.cedarwood.benchmarks;

import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What an application pays at start-up: the very first parse, and the first parse and validation, of the
 * 1,000 policies of {@link ParsingBenchmark} in a fresh JVM. Single-shot: each fork is a new JVM that runs
 * the benchmark method once, so the figure includes loading the engine's classes (and cedar-java's native
 * library), running them in the interpreter and the JIT's first compilations. The set-up only builds the
 * text; it touches neither engine. Run with several forks, both engines in the same run:
 * {@code -bm ss -f 10 -i 1 -wi 0} (the defaults below).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {
    String thousand;

    @Setup
    public void setUp() {
        thousand = DocsGen.policies(1000);
    }

    @Benchmark
    public PolicySet firstParse1000Cedarwood() {
        return PolicySet.parse(thousand);
    }

    @Benchmark
    public Object firstParse1000CedarJava() throws InternalException {
        return com.cedarpolicy.model.policy.PolicySet.parsePolicies(thousand);
    }

    @Benchmark
    public ValidationResult firstParseAndValidate1000Cedarwood() {
        ValidationResult result = new Validator(Schema.parseCedarSchema(DocsGen.SCHEMA)).validate(PolicySet.parse(thousand));
        if (!result.passed()) {
            throw new IllegalStateException("the 1,000 policies should validate: " + result);
        }
        return result;
    }

    @Benchmark
    public ValidationResponse firstParseAndValidate1000CedarJava() throws InternalException, AuthException {
        ValidationResponse response = CedarJava.ENGINE.validate(new ValidationRequest(
                new com.cedarpolicy.model.schema.Schema(DocsGen.SCHEMA),
                com.cedarpolicy.model.policy.PolicySet.parsePolicies(thousand)));
        if (!response.validationPassed()) {
            throw new IllegalStateException("the 1,000 policies should validate: " + response);
        }
        return response;
    }
}
