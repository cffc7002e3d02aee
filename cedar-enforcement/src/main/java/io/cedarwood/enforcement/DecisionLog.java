package io.cedarwood.enforcement;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Logs decisions to a {@link System.Logger} (which the container or Spring Boot routes to its own
 * logging): denials, or every decision, at INFO; unauthenticated requests at DEBUG; permissive mode's
 * would-be denials, decisions in which a policy failed to evaluate and decisions that failed at WARNING.
 */
public final class DecisionLog implements DecisionListener {
    /** What to log besides warnings. */
    public enum What {
        /** Nothing but the warnings. */
        NONE,
        /** Denials (the default). */
        DENIED,
        /** Every decision. */
        ALL
    }

    private final Logger log;
    private final What what;

    /** @param loggerName the logger, such as {@code io.cedarwood.jakarta.decisions} */
    public DecisionLog(String loggerName, What what) {
        this.log = System.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
        this.what = Objects.requireNonNull(what, "what");
    }

    @Override
    public void onDecision(EnforcementDecision decision, long nanos) {
        if (!decision.isEnforced()) {
            log.log(Level.WARNING, "cedar: permissive mode allowed what Cedar denies: " + decision);
            return;
        }
        if (!decision.diagnostics().errors().isEmpty()) {
            log.log(Level.WARNING, "cedar: " + decision);
        } else if (!decision.isAuthenticated()) {
            log.log(Level.DEBUG, () -> "cedar: " + decision);
        } else if (decision.failure().isPresent() && !decision.failure().get().startsWith("no route")) {
            log.log(Level.WARNING, "cedar: " + decision);
        } else if (what == What.ALL || what == What.DENIED && !decision.isGranted()) {
            log.log(Level.INFO, "cedar: " + decision);
        }
    }
}
