package io.cedarwood.analysis;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.drt.GeneratedInputs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the analysis on generated schemas and policies. Every {@link Verdict#NO} on the way carries a
 * counterexample that the authorizer has confirmed (the analysis throws otherwise), so these runs also check
 * the concretizer. {@code -Danalysis.properties.cases=N} runs more.
 */
class AnalysisPropertiesTest {
    static final long SEED = Long.getLong("analysis.properties.seed", 20261204L);
    static final int CASES = Integer.getInteger("analysis.properties.cases", 15);

    /** How often each verdict came up, to show that the properties were decided and not skipped. */
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);

    @Test
    void aSetIsEquivalentToItselfFormattedShuffledAndWithDuplicates() {
        forEachCase((analyzer, set, random) -> {
            PolicySet formatted = PolicySet.parse(set.toCedar());
            List<Policy> shuffled = new ArrayList<>(set.policies());
            Collections.shuffle(shuffled, random);
            List<Policy> duplicated = new ArrayList<>(shuffled);
            for (Policy p : set.policies()) {
                duplicated.add(p.withId(PolicyId.of(p.id().value() + "_copy")));
            }
            for (RequestEnvironment e : analyzer.environments()) {
                expectNotNo(analyzer.equivalent(set, formatted, e));
                expectNotNo(analyzer.equivalent(set, PolicySet.of(shuffled), e));
                expectNotNo(analyzer.equivalent(set, PolicySet.of(duplicated), e));
            }
        });
        assertThat(verdicts.getOrDefault(Verdict.YES, 0)).as("proved equivalences " + verdicts).isGreaterThan(CASES);
    }

    @Test
    void aSetPermitsNoMoreThanItselfWithMorePermits() {
        forEachCase((analyzer, set, random) -> {
            List<Policy> all = new ArrayList<>(set.policies());
            List<Policy> permitsOfOther = new ArrayList<>();
            for (Policy p : set.policies()) {
                if (p.effect() == Effect.PERMIT && random.nextBoolean()) {
                    permitsOfOther.add(p.withId(PolicyId.of(p.id().value() + "_b")));
                }
            }
            all.addAll(permitsOfOther);
            List<Policy> half = new ArrayList<>(set.policies().stream().filter(p -> random.nextBoolean()).toList());
            PolicySet a = PolicySet.of(half);
            PolicySet union = PolicySet.of(concat(half, permitsOfOther));
            for (RequestEnvironment e : analyzer.environments()) {
                expectNotNo(analyzer.implies(a, union, e));
            }
        });
        assertThat(verdicts.getOrDefault(Verdict.YES, 0)).as("proved implications " + verdicts).isGreaterThan(CASES);
    }

    @Test
    void removingAForbidNeverPermitsLess() {
        forEachCase((analyzer, set, random) -> {
            List<Policy> kept = new ArrayList<>(set.policies());
            kept.removeIf(p -> p.effect() == Effect.FORBID && random.nextBoolean());
            Comparison c = analyzer.compare(set, PolicySet.of(kept));
            for (Comparison.Change change : c.changes()) {
                expectNotNo(change.newPermitsNoLess());
                count(change.newPermitsNoMore());
            }
            assertThat(c.summary()).isNotIn(Comparison.Summary.LESS, Comparison.Summary.MORE_AND_LESS);
        });
        assertThat(verdicts.getOrDefault(Verdict.YES, 0)).as("proved " + verdicts).isGreaterThan(CASES);
    }

    @Test
    void everyCounterexampleIsConfirmedByTheAuthorizer() {
        forEachCase((analyzer, set, random) -> {
            for (RequestEnvironment e : analyzer.environments()) {
                count(analyzer.neverErrors(set, e));
                count(analyzer.alwaysAllows(set, e));
                count(analyzer.alwaysDenies(set, e));
            }
        });
        assertThat(verdicts.getOrDefault(Verdict.NO, 0)).as("confirmed counterexamples " + verdicts).isGreaterThan(CASES);
    }

    interface CaseCheck {
        void check(Analyzer analyzer, PolicySet set, Random random);
    }

    private void forEachCase(CaseCheck check) {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++) {
            long seed = seeds.nextLong();
            GeneratedInputs.Case c = GeneratedInputs.generate(seed, 0);
            PolicySet set = PolicySet.of(c.policies());
            check.check(new Analyzer(c.schema(), Duration.ofSeconds(20)), set, new Random(seed));
        }
    }

    private void expectNotNo(Answer a) {
        count(a);
        assertThat(a.verdict()).as(() -> a.counterexample().map(Counterexample::describe).orElse("")).isNotEqualTo(Verdict.NO);
    }

    private void count(Answer a) {
        verdicts.merge(a.verdict(), 1, Integer::sum);
    }

    private static List<Policy> concat(List<Policy> a, List<Policy> b) {
        List<Policy> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
