package io.cedarwood.engine.drt;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a differential campaign: a number of comparisons shared among the targets, each case generated from
 * a seed derived from the run's seed, the target and the case's index. Disagreements are minimized by the
 * targets and their regression files written to a folder; a case that throws is a disagreement too.
 */
final class DrtRunner {
    /** The targets of a run and the share of the comparisons each gets. */
    static List<DrtTarget> targets() {
        return List.of(new AuthTarget(), new ParseTarget(), new PolicyJsonTarget(), new SchemaTarget(),
                new ValidationTarget(), new EntityValidationTarget());
    }

    private static final double[] SHARES = {0.50, 0.23, 0.12, 0.08, 0.04, 0.03};
    private static final int MAX_FINDINGS_PER_TARGET = 20;

    /** What one target did in a run. */
    static final class TargetStats {
        final String name;
        final AtomicLong comparisons = new AtomicLong();
        final AtomicLong inputs = new AtomicLong();
        final AtomicLong disagreements = new AtomicLong();
        final List<DrtTarget.Finding> findings = Collections.synchronizedList(new ArrayList<>());

        TargetStats(String name) {
            this.name = name;
        }
    }

    /** The outcome of a run. */
    record Summary(long seed, long requested, List<TargetStats> targets, Coverage coverage, long millis) {
        long disagreements() {
            return targets.stream().mapToLong(t -> t.disagreements.get()).sum();
        }

        long comparisons() {
            return targets.stream().mapToLong(t -> t.comparisons.get()).sum();
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("differential testing against cedar-policy 4.10.0: seed %d, %d comparisons "
                    + "requested, %.1f s%n", seed, requested, millis / 1000.0));
            out.append(String.format("%-18s %12s %10s %14s%n", "target", "comparisons", "inputs", "disagreements"));
            for (TargetStats t : targets) {
                out.append(String.format("%-18s %12d %10d %14d%n", t.name, t.comparisons.get(), t.inputs.get(),
                        t.disagreements.get()));
            }
            out.append(String.format("%-18s %12d %10s %14d%n", "total", comparisons(), "", disagreements()));
            out.append("reproduce the run: mvn -pl cedar-engine verify -Pdrt -Ddrt.cases=").append(requested)
                    .append(" -Ddrt.seed=").append(seed).append('\n');
            for (TargetStats t : targets) {
                for (DrtTarget.Finding f : t.findings) {
                    out.append("DISAGREEMENT ").append(f.target()).append(" case seed ").append(f.seed())
                            .append(" (reproduce: -Pdrt -Ddrt.case=").append(f.target()).append(':').append(f.seed())
                            .append(")\n").append(f.description()).append('\n');
                }
            }
            out.append("coverage (feature: count):\n");
            coverage.snapshot().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
            return out.toString();
        }
    }

    /**
     * Runs about {@code comparisons} comparisons with {@code threads} workers, writing the regression files
     * of disagreements under {@code findingsDir}.
     */
    static Summary run(long seed, long comparisons, int threads, Path findingsDir) {
        List<DrtTarget> targets = targets();
        List<TargetStats> stats = new ArrayList<>();
        List<AtomicLong> next = new ArrayList<>();
        for (DrtTarget t : targets) {
            stats.add(new TargetStats(t.name()));
            next.add(new AtomicLong());
        }
        Coverage coverage = new Coverage();
        AtomicLong done = new AtomicLong();
        long step = Math.max(10_000, comparisons / 20);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int w = 0; w < threads; w++) {
            pool.submit(() -> {
                for (int i = 0; i < targets.size(); i++) {
                    long quota = Math.max(1, Math.round(comparisons * SHARES[i]));
                    TargetStats s = stats.get(i);
                    while (s.comparisons.get() < quota) {
                        long index = next.get(i).getAndIncrement();
                        long caseSeed = Rng.caseSeed(seed, i, index);
                        DrtTarget.Result r = checkOne(targets.get(i), caseSeed, coverage);
                        s.inputs.incrementAndGet();
                        s.comparisons.addAndGet(r.comparisons());
                        long before = done.getAndAdd(r.comparisons());
                        if (comparisons >= 100_000 && before / step != (before + r.comparisons()) / step) {
                            System.err.printf("drt: %d of %d comparisons, %d s%n", before + r.comparisons(),
                                    comparisons, (System.nanoTime() - start) / 1_000_000_000L);
                        }
                        if (r.finding() != null) {
                            s.disagreements.incrementAndGet();
                            if (s.findings.size() < MAX_FINDINGS_PER_TARGET) {
                                s.findings.add(r.finding());
                                write(findingsDir, r.finding());
                            }
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(7, TimeUnit.DAYS)) {
                throw new IllegalStateException("the run did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Summary(seed, comparisons, stats, coverage, (System.nanoTime() - start) / 1_000_000);
    }

    /** Checks one case; a case that throws is a disagreement of its own kind. */
    static DrtTarget.Result checkOne(DrtTarget target, long caseSeed, Coverage coverage) {
        try {
            return target.check(caseSeed, coverage);
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new DrtTarget.Result(1, new DrtTarget.Finding(target.name(), caseSeed, "the case threw:\n" + trace,
                    Map.of()));
        }
    }

    /** Runs the case of {@code target} with this case seed alone. */
    static DrtTarget.Result replay(String target, long caseSeed, Coverage coverage) {
        for (DrtTarget t : targets()) {
            if (t.name().equals(target)) {
                return checkOne(t, caseSeed, coverage);
            }
        }
        throw new IllegalArgumentException("no target `" + target + "`");
    }

    static void write(Path dir, DrtTarget.Finding f) {
        try {
            for (Map.Entry<String, String> file : f.files().entrySet()) {
                Path p = dir.resolve(file.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
