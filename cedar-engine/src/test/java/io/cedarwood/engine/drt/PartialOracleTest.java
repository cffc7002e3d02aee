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
        assertThat(comparisons).isGreaterThan(CASES * 7);
        System.out.println("partial authorization against the reference: seed " + seed + ", " + CASES + " cases, "
                + comparisons + " comparisons, "
                + coverage.snapshot());
    }
}
