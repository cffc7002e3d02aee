package io.cedarwood.spring.security;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;

import org.springframework.security.authorization.AuthorizationDecision;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Spring Security's decision carrying the core's {@link EnforcementDecision}: the request Cedar was asked,
 * its response (the determining policies and the policies that failed to evaluate), or why Cedar could
 * not be asked. Denied handlers, {@code AuthorizationDeniedEvent} listeners and
 * {@code AuthorizationDeniedException} handlers get it as the authorization result.
 *
 * <p>{@link #isGranted()} is what Spring enforces; it differs from Cedar's decision only in permissive
 * mode, where a Cedar denial is granted and {@link #isEnforced()} is false.
 */
public final class CedarAuthorizationDecision extends AuthorizationDecision {
    private static final long serialVersionUID = 1L;

    /** What was authorized. */
    public enum Source {
        /** A web request, by {@code CedarAuthorizationManager}. */
        HTTP,
        /** A method call, by {@code @CedarAuthorize}. */
        METHOD,
        /** A {@code hasPermission(...)} expression. */
        PERMISSION;

        /** The name the core's decision carries: {@code http}, {@code method}, {@code permission}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Source source;
    private final transient EnforcementDecision decision;

    CedarAuthorizationDecision(Source source, EnforcementDecision decision) {
        super(decision.isGranted());
        this.source = Objects.requireNonNull(source, "source");
        this.decision = decision;
    }

    public Source source() {
        return source;
    }

    /** The core's decision. */
    public EnforcementDecision decision() {
        return decision;
    }

    /** The request Cedar was asked; empty when it was not. */
    public Optional<Request> request() {
        return decision.request();
    }

    /** Cedar's response; empty when Cedar was not asked (see {@link #failure()}). */
    public Optional<Response> response() {
        return decision.response();
    }

    /** Cedar's decision: {@code DENY} also when Cedar was not asked. */
    public Decision cedarDecision() {
        return decision.cedarDecision();
    }

    /** The determining policies and the erroring ones; none when Cedar was not asked. */
    public Diagnostics diagnostics() {
        return decision.diagnostics();
    }

    /** Why Cedar was not asked, when it was not. */
    public Optional<String> failure() {
        return decision.failure();
    }

    /** False when permissive mode granted what Cedar denied. */
    public boolean isEnforced() {
        return decision.isEnforced();
    }

    @Override
    public String toString() {
        return "CedarAuthorizationDecision [" + decision + "]";
    }
}
