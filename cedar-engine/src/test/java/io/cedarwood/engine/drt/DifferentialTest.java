package io.cedarwood.engine.drt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential random testing against the Rust reference. In the ordinary build: a bounded run with a
 * fixed seed. With {@code -Pdrt}: a campaign of {@code drt.cases} comparisons from seed {@code drt.seed}
 * ({@code random} for a fresh one), or the single case {@code drt.case=target:seed}. Disagreements fail the
 * test; their minimized regression files are written under {@code target/drt-findings}.
 */
class DifferentialTest {
    private static final long BOUNDED_SEED = 20_240_601L;

    @Test
    void engineAgreesWithTheReferenceOnGeneratedCases() throws IOException {
        Path findings = Path.of(System.getProperty("drt.findings", "target/drt-findings"));
        String single = System.getProperty("drt.case", "");
        if (!single.isBlank()) {
            String[] parts = single.split(":", 2);
            Coverage coverage = new Coverage();
            DrtTarget.Result r = DrtRunner.replay(parts[0], Long.parseLong(parts[1]), coverage);
            if (r.finding() != null) {
                DrtRunner.write(findings, r.finding());
            }
            System.out.println(r.finding() == null ? "case " + single + " agrees (" + r.comparisons() + " comparisons)"
                    : "DISAGREEMENT " + r.finding().description());
            assertThat(r.finding()).as("case %s", single).isNull();
            return;
        }
        long cases = Long.parseLong(System.getProperty("drt.cases", "20000").trim());
        String seedText = System.getProperty("drt.seed", "").trim();
        long seed = seedText.isEmpty() ? BOUNDED_SEED
                : seedText.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedText);
        int threads = Integer.parseInt(System.getProperty("drt.threads", "1").trim());
        DrtRunner.Summary summary = DrtRunner.run(seed, cases, threads, findings);
        String report = summary.render();
        System.out.println(report);
        Files.createDirectories(findings);
        Files.writeString(findings.resolveSibling("drt-summary.txt"), report);
        assertThat(summary.comparisons()).isGreaterThanOrEqualTo(cases);
        assertThat(summary.disagreements()).as(report).isZero();
    }
}
