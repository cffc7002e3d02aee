package io.cedarwood.engine;

/**
 * Decides requests: Allow iff at least one permit policy is satisfied and no forbid policy is. Every
 * policy is evaluated; one whose evaluation errors is skipped and reported in the diagnostics. Never
 * throws because a policy errored. Stateless and thread-safe. STUB: to be implemented by the evaluator work.
 */
public final class Authorizer {
    public Response isAuthorized(Request request, PolicySet policies, EntityProvider entities) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
