package io.cedarwood.engine.drt;

import java.util.Map;

/**
 * One differential target: something both engines do that must come out the same. Each case is
 * generated from its own seed, so a case is reproduced from the seed alone. The targets and their shares
 * of a run are listed in {@link DrtRunner#targets()}.
 */
interface DrtTarget {
    String name();

    /**
     * Generates the case with this seed and compares the engines on it.
     *
     * @return how many comparisons the case made, and a minimized finding when one disagreed
     */
    Result check(long seed, Coverage coverage);

    record Result(int comparisons, Finding finding) {
        static Result agreed(int comparisons) {
            return new Result(comparisons, null);
        }
    }

    /**
     * A disagreement, minimized: what differed, and the regression files that reproduce it (paths relative
     * to the regression folder, with the reference's answer as the expected one).
     */
    record Finding(String target, long seed, String description, Map<String, String> files) {
        @Override
        public String toString() {
            return target + " seed " + seed + ": " + description;
        }
    }
}
