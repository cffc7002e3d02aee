package io.cedarwood.enforcement;

/**
 * Told of every decision, after it is made: decision logs, metrics, audit. Called on the thread that
 * decided; an exception it throws is logged and does not change the decision.
 */
@FunctionalInterface
public interface DecisionListener {
    /**
     * @param decision the decision
     * @param nanos how long deciding took
     */
    void onDecision(EnforcementDecision decision, long nanos);
}
