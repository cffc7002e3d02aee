package io.cedarwood.analysis;

import io.cedarwood.engine.ast.PolicyId;

import java.util.Objects;
import java.util.Optional;

/**
 * Something found about one policy of a set over every request environment of a schema. {@code name} is the
 * policy's {@code @id} annotation when it has one, else its id.
 */
public record Finding(PolicyId policy, String name, Kind kind, String detail, Optional<Counterexample> counterexample) {
    public Finding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(counterexample, "counterexample");
    }

    public enum Kind {
        /** A permit whose every allowed request another permit allows too (a forbid: another forbid forbids). */
        REDUNDANT("redundant"),
        /** A permit that never decides anything: a forbid applies whenever it does. */
        SHADOWED("shadowed"),
        /** A policy satisfied by no request in any environment. */
        NEVER_APPLIES("never applies"),
        /** A policy that errors on some request; the counterexample shows one. */
        MAY_ERROR("may error"),
        /** The encoding does not cover the policy in some environment; nothing else is claimed of it. */
        UNSUPPORTED("unsupported"),
        /** The solver gave up on a question about the policy. */
        UNKNOWN("unknown");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** One line: the name, the finding, and the detail if any. */
    public String line() {
        return name + ": " + kind + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
