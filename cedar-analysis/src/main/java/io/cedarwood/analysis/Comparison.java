package io.cedarwood.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What changed from an old policy set to a new one, per request environment: whether the new set permits
 * something the old one did not, and the other way round, each with a counterexample when it does.
 */
public record Comparison(List<Change> changes) {
    public Comparison {
        changes = List.copyOf(changes);
    }

    /**
     * One environment: {@code newPermitsNoMore} is {@code implies(new, old)}, {@code newPermitsNoLess} is
     * {@code implies(old, new)}; a {@link Verdict#NO} carries the request that tells them apart.
     */
    public record Change(RequestEnvironment environment, Answer newPermitsNoMore, Answer newPermitsNoLess) {
        public Change {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(newPermitsNoMore, "newPermitsNoMore");
            Objects.requireNonNull(newPermitsNoLess, "newPermitsNoLess");
        }

        public boolean isEquivalent() {
            return newPermitsNoMore.isYes() && newPermitsNoLess.isYes();
        }

        /** Whether neither direction is decided: unsupported policies or the solver gave up. */
        public boolean isUndecided() {
            return !decided(newPermitsNoMore) || !decided(newPermitsNoLess);
        }

        private static boolean decided(Answer a) {
            return a.isYes() || a.isNo();
        }
    }

    /** The overall answer: the last line of {@code cedar analyze compare}. */
    public enum Summary {
        EQUIVALENT("equivalent"), LESS("new permits less"), MORE("new permits more"),
        MORE_AND_LESS("new permits more and less"),
        /** Some environment is undecided and what was found does not settle the answer: never a guess. */
        UNKNOWN("unknown");

        private final String text;

        Summary(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public Summary summary() {
        boolean more = changes.stream().anyMatch(c -> c.newPermitsNoMore().isNo());
        boolean less = changes.stream().anyMatch(c -> c.newPermitsNoLess().isNo());
        boolean undecided = changes.stream().anyMatch(Change::isUndecided);
        if (more && less) {
            return Summary.MORE_AND_LESS;
        }
        if (undecided) {
            return Summary.UNKNOWN;
        }
        return more ? Summary.MORE : less ? Summary.LESS : Summary.EQUIVALENT;
    }
}
