package io.cedarwood.engine.drt;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial authorization compared with the reference's, on generated cases: the build's bounded run; a
 * campaign: {@code -Dtest=PartialOracleTest -Dpartial.oracle.cases=N -Dpartial.oracle.seed=random}.
 */
class PartialOracleTest {
    private static final int CASES = Integer.getInteger("partial.oracle.cases", 150);

    @Test
    void partialAuthorizationAgreesWithTheReference() {
        PartialAuthTarget target = new PartialAuthTarget();
        Coverage coverage = new Coverage();
        List<DrtTarget.Finding> findings = new ArrayList<>();
        int comparisons = 0;
        String seedProperty = System.getProperty("partial.oracle.seed", "13015");
        long seed = seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        for (int i = 0; i < CASES; i++) {
            DrtTarget.Result r = DrtRunner.checkOne(target, Rng.caseSeed(seed, 0, i), coverage);
            comparisons += r.comparisons();
            if (r.finding() != null && findings.size() < 5) {
                findings.add(r.finding());
            }
        }
        assertThat(findings).as(() -> String.join("\n\n", findings.stream().map(Object::toString).toList())).isEmpty();
        assertThat(comparisons).isGreaterThan(CASES * 6);
        System.out.println("partial authorization against the reference: seed " + seed + ", " + CASES + " cases, "
                + comparisons + " comparisons, "
                + coverage.snapshot());
    }

    /**
     * The reference's FFI refuses partial authorization with an unknown context, so the comparison leaves it
     * out. Fails when that changes, so that the comparison can take it in.
     */
    @Test
    void referenceRefusesAnUnknownContext() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode set = mapper.createObjectNode();
        set.putObject("staticPolicies").put("p0", "permit(principal, action, resource) when { context.ok };");
        Oracle.PartialAnswer noContext = Oracle.authorizePartial(set, "[]", null,
                AuthTarget.uidJson(io.cedarwood.engine.value.EntityUid.of("Action", "view")), null, null);
        assertThat(noContext.failure()).as("the reference refuses an unknown context").isNotNull();
        Oracle.PartialAnswer withContext = Oracle.authorizePartial(set, "[]", null,
                AuthTarget.uidJson(io.cedarwood.engine.value.EntityUid.of("Action", "view")), null, "{\"ok\": true}");
        assertThat(withContext.failure()).isNull();
        assertThat(withContext.decision()).isEqualTo("allow");

    }
}
