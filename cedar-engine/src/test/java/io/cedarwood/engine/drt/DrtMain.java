package io.cedarwood.engine.drt;

import java.nio.file.Path;

/**
 * Runs a campaign outside Maven (for long runs from a snapshot of the compiled classes):
 * {@code java -cp ... io.cedarwood.engine.drt.DrtMain <comparisons> <seed|random> [threads] [findings-dir]}.
 * Exits with status 1 on any disagreement.
 */
public final class DrtMain {
    private DrtMain() {
    }

    public static void main(String[] args) {
        long cases = Long.parseLong(args[0]);
        long seed = args.length < 2 || args[1].equals("random") ? new java.security.SecureRandom().nextLong()
                : Long.parseLong(args[1]);
        int threads = args.length < 3 ? 1 : Integer.parseInt(args[2]);
        Path findings = Path.of(args.length < 4 ? "drt-findings" : args[3]);
        DrtRunner.Summary summary = DrtRunner.run(seed, cases, threads, findings);
        System.out.println(summary.render());
        System.exit(summary.disagreements() == 0 ? 0 : 1);
    }
}
