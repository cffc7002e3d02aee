package io.cedarwood.engine.authz;

import java.util.Objects;

/** The authorizer's answer: the decision and why. */
public record Response(Decision decision, Diagnostics diagnostics) {
    public Response {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public boolean isAllowed() {
        return decision == Decision.ALLOW;
    }
}
