package io.cedarwood.analysis;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import org.assertj.core.api.AbstractAssert;

import java.util.function.BiFunction;

/**
 * AssertJ assertions about policy sets, proved with {@link Analyzer} over every request environment of a
 * schema: {@code assertThat(newPolicies).permitsNoMoreThan(oldPolicies, schema)}. An assertion passes only
 * when it is proved; a refutation fails with the counterexample, and an environment that could not be
 * decided (unsupported policies, solver time limit) fails too. AssertJ is an optional dependency of this
 * module: tests that use the class bring their own.
 */
public final class PolicySetAssert extends AbstractAssert<PolicySetAssert, PolicySet> {

    private PolicySetAssert(PolicySet actual) {
        super(actual, PolicySetAssert.class);
    }

    public static PolicySetAssert assertThat(PolicySet actual) {
        return new PolicySetAssert(actual);
    }

    /** Every request the actual set allows, {@code other} allows too. */
    public PolicySetAssert permitsNoMoreThan(PolicySet other, Schema schema) {
        return prove(schema, "permits no more than the other set", (a, e) -> a.implies(actual, other, e));
    }

    /** The actual set decides every request as {@code other} does. */
    public PolicySetAssert isEquivalentTo(PolicySet other, Schema schema) {
        return prove(schema, "is equivalent to the other set", (a, e) -> a.equivalent(actual, other, e));
    }

    /** No policy of the actual set errors on any request. */
    public PolicySetAssert neverErrors(Schema schema) {
        return prove(schema, "never errors", (a, e) -> a.neverErrors(actual, e));
    }

    private PolicySetAssert prove(Schema schema, String property, BiFunction<Analyzer, RequestEnvironment, Answer> ask) {
        isNotNull();
        Analyzer analyzer = new Analyzer(schema);
        for (RequestEnvironment e : analyzer.environments()) {
            Answer a = ask.apply(analyzer, e);
            switch (a.verdict()) {
                case YES -> {
                }
                case NO -> failWithMessage("expected the policy set %s, but not in %s, for example:%n%s",
                        property, e, a.counterexample().orElseThrow().describe());
                case UNKNOWN -> failWithMessage("could not prove that the policy set %s in %s: %s", property, e, a.reason());
                default -> failWithMessage("could not prove that the policy set %s in %s: unsupported %s",
                        property, e, a.unsupported().isEmpty() ? a.reason() : a.unsupported());
            }
        }
        return this;
    }
}
