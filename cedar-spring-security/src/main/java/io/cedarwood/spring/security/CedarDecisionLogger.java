package io.cedarwood.spring.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.Objects;

/**
 * Logs decisions to the {@code io.cedarwood.spring.security.decisions} logger: denials (or every decision)
 * at INFO, unauthenticated requests at DEBUG, permissive mode's would-be denials and decisions in which a
 * policy failed to evaluate at WARN.
 */
public final class CedarDecisionLogger implements CedarDecisionListener {
    /** What to log. */
    public enum Level {
        /** Nothing but would-be denials in permissive mode. */
        NONE,
        /** Denials. */
        DENIED,
        /** Every decision. */
        ALL
    }

    private static final Log log = LogFactory.getLog("io.cedarwood.spring.security.decisions");

    private final Level level;

    public CedarDecisionLogger(Level level) {
        this.level = Objects.requireNonNull(level, "level");
    }

    @Override
    public void onDecision(CedarAuthorizationDecision decision, long nanos) {
        if (!decision.isEnforced()) {
            log.warn("cedar: permissive mode allowed what Cedar denies: " + decision);
            return;
        }
        if (level == Level.NONE) {
            return;
        }
        if (!decision.diagnostics().errors().isEmpty()) {
            log.warn("cedar: " + decision);
        } else if (decision.failure().filter("unauthenticated"::equals).isPresent()) {
            if (log.isDebugEnabled()) {
                log.debug("cedar: " + decision);
            }
        } else if (!decision.isGranted() || level == Level.ALL) {
            log.info("cedar: " + decision);
        }
    }
}
