package io.cedarwood.enforcement;

import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one result of {@link Enforcer#decide}: the request Cedar was asked and its response, or why Cedar
 * could not be asked, and whether the decision is enforced. Immutable.
 *
 * <p>{@link #isGranted()} is what the integration enforces. It differs from Cedar's decision only in
 * {@linkplain EnforcementMode#PERMISSIVE permissive} mode, where a Cedar denial is granted and
 * {@link #isEnforced()} is false. A failure always denies.
 */
public final class EnforcementDecision {
    private static final Diagnostics NONE = new Diagnostics(Set.of(), List.of());

    private final String source;
    private final EntityUid principal;
    private final EntityUid action;
    private final EntityUid resource;
    private final Request request;
    private final Response response;
    private final String failure;
    private final boolean enforced;

    private EnforcementDecision(String source, EntityUid principal, EntityUid action, EntityUid resource,
            Request request, Response response, String failure, boolean enforced) {
        this.source = source;
        this.principal = principal;
        this.action = action;
        this.resource = resource;
        this.request = request;
        this.response = response;
        this.failure = failure;
        this.enforced = enforced;
    }

    /** Cedar's answer to {@code request}, enforced or (in permissive mode) only reported. */
    public static EnforcementDecision of(String source, Request request, Response response, EnforcementMode mode) {
        boolean enforced = response.isAllowed() || mode == EnforcementMode.ENFORCING;
        return new EnforcementDecision(source, request.principal(), request.action(), request.resource(), request,
                response, null, enforced);
    }

    /**
     * A denial without Cedar's answer.
     *
     * @param principal the principal when known, else {@code null}
     * @param action the action when known, else {@code null}
     * @param resource the resource when known, else {@code null}
     */
    public static EnforcementDecision failed(String source, EntityUid principal, EntityUid action, EntityUid resource,
            String failure) {
        return new EnforcementDecision(source, principal, action, resource, null, null, failure, true);
    }

    /** What asked: the integration's entry point, such as {@code http} or {@code method}. */
    public String source() {
        return source;
    }

    /** Whether the integration lets the request through. */
    public boolean isGranted() {
        return response != null && (response.isAllowed() || !enforced);
    }

    /** False when permissive mode granted what Cedar denied. */
    public boolean isEnforced() {
        return enforced;
    }

    /** Whether there was a principal (the caller was authenticated); false for the failure {@code unauthenticated}. */
    public boolean isAuthenticated() {
        return principal != null;
    }

    public Optional<EntityUid> principal() {
        return Optional.ofNullable(principal);
    }

    public Optional<EntityUid> action() {
        return Optional.ofNullable(action);
    }

    public Optional<EntityUid> resource() {
        return Optional.ofNullable(resource);
    }

    /** The request Cedar was asked; empty when it was not. */
    public Optional<Request> request() {
        return Optional.ofNullable(request);
    }

    /** Cedar's response; empty when Cedar was not asked or failed (see {@link #failure()}). */
    public Optional<Response> response() {
        return Optional.ofNullable(response);
    }

    /** Cedar's decision: {@code DENY} also when Cedar was not asked. */
    public Decision cedarDecision() {
        return response == null ? Decision.DENY : response.decision();
    }

    /** The determining policies and the erroring ones; none when Cedar was not asked. */
    public Diagnostics diagnostics() {
        return response == null ? NONE : response.diagnostics();
    }

    /** Why Cedar was not asked or could not answer ({@code unauthenticated}, {@code no route ...}, an exception). */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** One line: source, granted, decision or failure, determining and erroring policies, principal, action, resource. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("source=").append(source).append(" granted=").append(isGranted());
        if (failure != null) {
            b.append(" failure=").append(failure);
        } else {
            b.append(" decision=").append(cedarDecision() == Decision.ALLOW ? "allow" : "deny")
                    .append(" policies=").append(diagnostics().reason())
                    .append(" errors=[");
            var errors = diagnostics().errors();
            for (int i = 0; i < errors.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(errors.get(i).policyId()).append(": ").append(errors.get(i).message());
            }
            b.append(']');
            if (!enforced) {
                b.append(" enforced=false");
            }
        }
        b.append(" principal=").append(principal == null ? "-" : principal.toCedar())
                .append(" action=").append(action == null ? "-" : action.toCedar())
                .append(" resource=").append(resource == null ? "-" : resource.toCedar());
        return b.toString();
    }
}
