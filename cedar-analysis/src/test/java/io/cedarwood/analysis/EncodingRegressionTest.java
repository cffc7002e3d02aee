package io.cedarwood.analysis;

import io.cedarwood.engine.drt.GeneratedInputs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every disagreement the differential test of the encoding has found, replayed by its case seed (the
 * generators are seeded, so a case seed is the whole input).
 */
class EncodingRegressionTest {

    /**
     * An extension method called with the wrong number of arguments ({@code ip("ff02::1").isMulticast(x)},
     * {@code ip("127.0.0.0/8").isLoopback(duration("-1ms"))}) errors in the evaluator; the encoding read the
     * receiver only and answered as if the call were well formed. Such calls are now unsupported.
     */
    @Test
    void extensionMethodWithTheWrongNumberOfArguments() {
        for (long seed : new long[] {1524581981284463029L, 3737230865479824668L}) {
            EncodingDifferentialTest.Stats stats = new EncodingDifferentialTest.Stats();
            EncodingDifferentialTest.compare(GeneratedInputs.generate(seed, EncodingDifferentialTest.EXTRA_REQUESTS), seed, stats);
            assertThat(stats.mismatches).as("case seed " + seed).isEmpty();
            assertThat(stats.comparisons).as("case seed " + seed).isPositive();
        }
    }
}
