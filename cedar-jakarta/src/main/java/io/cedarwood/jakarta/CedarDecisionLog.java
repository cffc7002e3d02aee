package io.cedarwood.jakarta;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Writes one line per decision to the {@code io.cedarwood.jakarta.decisions} logger
 * ({@link System.Logger}, which the container routes to its own logging): denials at the configured level,
 * allowed decisions too when switched on, decisions in which a policy failed to evaluate or Cedar could not
 * answer at WARNING. Immutable.
 */
public final class CedarDecisionLog {
    private static final Logger LOG = System.getLogger("io.cedarwood.jakarta.decisions");

    private final Level level;
    private final boolean logAllowed;

    private CedarDecisionLog(Level level, boolean logAllowed) {
        this.level = Objects.requireNonNull(level, "level");
        this.logAllowed = logAllowed;
    }

    /** Denials at INFO, allowed decisions not at all. */
    public static CedarDecisionLog defaults() {
        return new CedarDecisionLog(Level.INFO, false);
    }

    public static CedarDecisionLog of(Level level, boolean logAllowed) {
        return new CedarDecisionLog(level, logAllowed);
    }

    public Level level() {
        return level;
    }

    public boolean logAllowed() {
        return logAllowed;
    }

    /** Logs the decision; {@code cause} is the exception that made Cedar fail closed, if any. */
    public void log(CedarDecision decision, Throwable cause) {
        if (cause != null) {
            LOG.log(Level.WARNING, "cedar: " + decision, cause);
        } else if (!decision.response().diagnostics().errors().isEmpty()) {
            LOG.log(Level.WARNING, "cedar: " + decision);
        } else if (!decision.isAllowed() || logAllowed) {
            LOG.log(level, "cedar: " + decision);
        }
    }
}
