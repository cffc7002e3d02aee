package io.cedarwood.spring.security;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.authz.Response;

import org.springframework.security.authorization.AuthorizationDecision;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Security's decision with Cedar's reasons: the request Cedar was asked, its response (the
 * determining policies and the policies that failed to evaluate), or why Cedar could not be asked.
 * Denied handlers, {@code AuthorizationDeniedEvent} listeners and {@code AuthorizationDeniedException}
 * handlers get it as the authorization result.
 *
 * <p>{@link #isGranted()} is what Spring enforces. It differs from Cedar's decision only in
 * {@linkplain CedarEnforcementMode#PERMISSIVE permissive} mode, where a Cedar denial is granted and
 * {@link #isEnforced()} is false.
 */
public final class CedarAuthorizationDecision extends AuthorizationDecision {
    private static final Diagnostics NONE = new Diagnostics(Set.of(), List.of());

    /** What was authorized. */
    public enum Source {
        /** A web request, by {@code CedarAuthorizationManager}. */
        HTTP,
        /** A method call, by {@code @CedarAuthorize}. */
        METHOD,
        /** A {@code hasPermission(...)} expression. */
        PERMISSION
    }

    private final Source source;
    private final transient Request request;
    private final transient Response response;
    private final String failure;
    private final boolean enforced;

    private CedarAuthorizationDecision(boolean granted, Source source, Request request, Response response,
            String failure, boolean enforced) {
        super(granted);
        this.source = source;
        this.request = request;
        this.response = response;
        this.failure = failure;
        this.enforced = enforced;
    }

    /** Cedar's answer to {@code request}, enforced or (in permissive mode) only reported. */
    public static CedarAuthorizationDecision of(Source source, Request request, Response response,
            CedarEnforcementMode mode) {
        boolean enforced = response.isAllowed() || mode == CedarEnforcementMode.ENFORCING;
        return new CedarAuthorizationDecision(response.isAllowed() || !enforced, source, request, response, null,
                enforced);
    }

    /** A denial without asking Cedar, for {@code failure}: unauthenticated, no route, an exception. */
    public static CedarAuthorizationDecision failed(Source source, Request request, String failure) {
        return new CedarAuthorizationDecision(false, source, request, null, failure, true);
    }

    public Source source() {
        return source;
    }

    /** The request Cedar was (or would have been) asked; empty when it could not be built. */
    public Optional<Request> request() {
        return Optional.ofNullable(request);
    }

    /** Cedar's response; empty when Cedar was not asked (see {@link #failure()}). */
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

    /** Why Cedar was not asked, when it was not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** False when permissive mode granted what Cedar denied. */
    public boolean isEnforced() {
        return enforced;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CedarAuthorizationDecision [granted=").append(isGranted())
                .append(", source=").append(source);
        if (failure != null) {
            b.append(", failure=").append(failure);
        } else {
            b.append(", decision=").append(cedarDecision())
                    .append(", reason=").append(diagnostics().reason())
                    .append(", errors=").append(diagnostics().errors());
            if (!enforced) {
                b.append(", enforced=false");
            }
        }
        if (request != null) {
            b.append(", principal=").append(request.principal())
                    .append(", action=").append(request.action())
                    .append(", resource=").append(request.resource());
        }
        return b.append(']').toString();
    }
}
