package io.cedarwood.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reload check did, for logs and health checks.
 *
 * @param outcome what happened
 * @param at when the check ended
 * @param version the version of the policies in use after the check
 * @param message why a reload failed or was refused, or what is pending; {@code null} otherwise
 */
public record ReloadResult(Outcome outcome, Instant at, long version, String message) {
    /** What a reload check did. */
    public enum Outcome {
        /** The files are what is in use. */
        UNCHANGED,
        /** The files changed; they are loaded once they read the same at the next check. */
        PENDING,
        /** New policies are in use. */
        RELOADED,
        /** The changed files do not load (or could not be read); the previous policies stay in use. */
        FAILED,
        /**
         * The changed files load, but would remove every policy or every {@code forbid}; the previous
         * policies stay in use unless the store is configured to allow that.
         */
        REFUSED
    }

    public ReloadResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the policies in use are those of the files: false after a failed or refused reload. */
    public boolean isHealthy() {
        return outcome != Outcome.FAILED && outcome != Outcome.REFUSED;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(message);
    }
}
