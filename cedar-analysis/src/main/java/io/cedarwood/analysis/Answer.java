package io.cedarwood.analysis;

import io.cedarwood.engine.ast.PolicyId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a question in one request environment: the verdict, the counterexample when it is
 * {@link Verdict#NO}, and the policies the encoding does not cover (why) when it is
 * {@link Verdict#UNSUPPORTED}, or why it is {@link Verdict#UNKNOWN}.
 */
public record Answer(RequestEnvironment environment, Verdict verdict, Optional<Counterexample> counterexample,
                     Map<PolicyId, String> unsupported, String reason) {
    public Answer {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(counterexample, "counterexample");
        unsupported = Map.copyOf(unsupported);
        Objects.requireNonNull(reason, "reason");
    }

    public boolean isYes() {
        return verdict == Verdict.YES;
    }

    public boolean isNo() {
        return verdict == Verdict.NO;
    }
}
