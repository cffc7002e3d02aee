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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Parsing the TinyTodo policies (the 7-policy variant), 1,000 generated policies and the TinyTodo schema;
 * validating 1,000 policies against a schema (strict mode). cedar-java's {@code validate} takes the
 * policies and the schema as text and parses both on every call, so {@code validate1000ParseAndValidate}
 * is the like-for-like figure and {@code validate1000Cedarwood} the one an application that keeps its parsed
 * policies and schema sees.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ParsingBenchmark {
    String tinyTodo;
    String thousand;
    String tinyTodoSchema;
    PolicySet ourThousand;
    Validator ourValidator;
    ValidationRequest theirValidation;

    @Setup
    public void setUp() throws InternalException, AuthException {
        tinyTodo = TinyTodoGen.policies("7");
        thousand = DocsGen.policies(1000);
        tinyTodoSchema = TinyTodoGen.read("tinytodo.cedarschema");
        ourThousand = PolicySet.parse(thousand);
        ourValidator = new Validator(Schema.parseCedarSchema(DocsGen.SCHEMA));
        theirValidation = new ValidationRequest(new com.cedarpolicy.model.schema.Schema(DocsGen.SCHEMA),
                com.cedarpolicy.model.policy.PolicySet.parsePolicies(thousand));
        ValidationResult ours = ourValidator.validate(ourThousand);
        ValidationResponse theirs = CedarJava.ENGINE.validate(theirValidation);
        if (!ours.passed() || !theirs.validationPassed()) {
            throw new IllegalStateException("the 1,000 policies should validate: cedarwood " + ours + ", cedar-java " + theirs);
        }
        if (PolicySet.parse(tinyTodo).policies().size() != com.cedarpolicy.model.policy.PolicySet.parsePolicies(tinyTodo).getNumPolicies()) {
            throw new IllegalStateException("the engines read different numbers of TinyTodo policies");
        }
    }

    @Benchmark
    public PolicySet parseTinyTodoCedarwood() {
        return PolicySet.parse(tinyTodo);
    }

    @Benchmark
    public Object parseTinyTodoCedarJava() throws InternalException {
        return com.cedarpolicy.model.policy.PolicySet.parsePolicies(tinyTodo);
    }

    @Benchmark
    public PolicySet parse1000Cedarwood() {
        return PolicySet.parse(thousand);
    }

    @Benchmark
    public Object parse1000CedarJava() throws InternalException {
        return com.cedarpolicy.model.policy.PolicySet.parsePolicies(thousand);
    }

    @Benchmark
    public Schema parseSchemaCedarwood() {
        return Schema.parseCedarSchema(tinyTodoSchema);
    }

    @Benchmark
    public Object parseSchemaCedarJava() throws InternalException {
        return com.cedarpolicy.model.schema.Schema.parse(com.cedarpolicy.model.schema.Schema.JsonOrCedar.Cedar, tinyTodoSchema);
    }

    @Benchmark
    public ValidationResult validate1000Cedarwood() {
        return ourValidator.validate(ourThousand);
    }

    @Benchmark
    public ValidationResult validate1000ParseAndValidateCedarwood() {
        return new Validator(Schema.parseCedarSchema(DocsGen.SCHEMA)).validate(PolicySet.parse(thousand));
    }

    @Benchmark
    public Object validate1000CedarJava() throws AuthException {
        return CedarJava.ENGINE.validate(theirValidation);
    }
}
