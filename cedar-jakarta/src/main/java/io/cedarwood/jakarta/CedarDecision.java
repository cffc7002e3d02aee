package io.cedarwood.jakarta;

import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One decision of the filter or the interceptor: what was asked and what Cedar answered.
 *
 * @param principal the principal, {@code null} when the caller was not authenticated (Cedar was not asked)
 * @param action the action, {@code null} when no route matched
 * @param resource the resource, {@code null} when no route matched
 * @param response Cedar's answer; a deny without diagnostics when Cedar was not asked or failed
 * @param failure why Cedar was not asked or could not answer ({@code "unauthenticated"}, {@code "no route"},
 *        or the exception's text), {@code null} otherwise
 */
public record CedarDecision(EntityUid principal, EntityUid action, EntityUid resource, Response response,
                            String failure) {

    static final Response DENIED = new Response(Decision.DENY, new Diagnostics(Set.of(), List.of()));

    public boolean isAllowed() {
        return failure == null && response.isAllowed();
    }

    public boolean isAuthenticated() {
        return principal != null;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** One line: principal, action, resource, decision, determining policies, errors. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("principal=").append(principal == null ? "-" : principal.toCedar());
        b.append(" action=").append(action == null ? "-" : action.toCedar());
        b.append(" resource=").append(resource == null ? "-" : resource.toCedar());
        b.append(" decision=").append(isAllowed() ? "allow" : "deny");
        b.append(" policies=").append(response.diagnostics().reason());
        b.append(" errors=[");
        var errors = response.diagnostics().errors();
        for (int i = 0; i < errors.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(errors.get(i).policyId()).append(": ").append(errors.get(i).message());
        }
        b.append(']');
        if (failure != null) {
            b.append(" failure=").append(failure);
        }
        return b.toString();
    }
}
