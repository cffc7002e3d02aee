package io.cedarwood.analysis;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import static io.cedarwood.analysis.PolicySetAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The examples of cedar-analysis/README.md, kept here so that they compile and run. */
class ReadmeExampleTest {

    @Test
    void readmeExamples() {
        // --- README: analyzer
        Schema schema = Schema.parseCedarSchema("""
                entity User { level: Long };
                entity Doc { owner: User };
                action view appliesTo { principal: User, resource: Doc };
                """);
        PolicySet oldPolicies = PolicySet.parse("""
                permit(principal, action, resource) when { resource.owner == principal };
                """);
        PolicySet newPolicies = PolicySet.parse("""
                permit(principal, action, resource) when { resource.owner == principal };
                forbid(principal, action, resource) when { principal.level < 2 };
                """);
        Analyzer analyzer = new Analyzer(schema);
        RequestEnvironment view = new RequestEnvironment(EntityType.of("User"), EntityUid.of("Action", "view"),
                EntityType.of("Doc"));
        Answer answer = analyzer.implies(oldPolicies, newPolicies, view);     // NO: old permits more
        String example = answer.counterexample().orElseThrow().describe();  // principal, context, entities
        Comparison comparison = analyzer.compare(oldPolicies, newPolicies);
        // comparison.summary() is `new permits less`
        // --- end

        assertThat(answer.verdict()).isEqualTo(Verdict.NO);
        assertThat(example).contains("principal: User::");
        assertThat(comparison.summary()).isEqualTo(Comparison.Summary.LESS);

        // --- README: assertion
        assertThat(newPolicies).permitsNoMoreThan(oldPolicies, schema);
        // --- end
    }
}
