package io.cedarwood.spring.security;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.Enforcer;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;
import java.util.Objects;

/**
 * Spring Security's side of the core's {@link Enforcer}: maps the authentication to a principal, builds
 * the context, and wraps the core's decision as a {@link CedarAuthorizationDecision}. Shared by request
 * authorization, method authorization and {@code hasPermission}. Never throws (the core fails closed).
 * Thread-safe.
 */
public final class CedarAuthorizationService {
    private static final boolean SERVLET_WEB = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", null)
            && ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder", null);

    private final Enforcer enforcer;
    private final CedarPrincipalMapper principals;
    private final CedarContextFactory contexts;
    private final String actionType;
    private final CedarDecisionObserver observer;

    /**
     * @param principals the principal of an authentication
     * @param actionType the type of actions given by id alone ({@code Action})
     */
    public CedarAuthorizationService(Enforcer enforcer, CedarPrincipalMapper principals, CedarContextFactory contexts,
            String actionType) {
        this(enforcer, principals, contexts, actionType, CedarDecisionObserver.NONE);
    }

    /** @param observer wraps each decision (a Micrometer observation) */
    public CedarAuthorizationService(Enforcer enforcer, CedarPrincipalMapper principals, CedarContextFactory contexts,
            String actionType, CedarDecisionObserver observer) {
        this.enforcer = Objects.requireNonNull(enforcer, "enforcer");
        this.principals = Objects.requireNonNull(principals, "principals");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        CedarNames.type(actionType);
        this.actionType = actionType;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** A service and its {@link Enforcer} built together, for use without the auto-configuration. */
    public static Builder builder(PolicyStore policies) {
        return new Builder(policies);
    }

    /**
     * Whether {@code authentication} may do {@code action} to {@code resource}.
     *
     * @param request the web request being served, for the context; {@code null} outside one
     */
    public CedarAuthorizationDecision authorize(Source source, Authentication authentication, EntityUid action,
            EntityUid resource, HttpServletRequest request) {
        return authorize(source, authentication, action, resource, request, Map.of());
    }

    /**
     * As {@link #authorize(Source, Authentication, EntityUid, EntityUid, HttpServletRequest)}, with context
     * entries (an annotation's) added last.
     */
    public CedarAuthorizationDecision authorize(Source source, Authentication authentication, EntityUid action,
            EntityUid resource, HttpServletRequest request, Map<String, Value> context) {
        Map<String, Value> entries = Map.copyOf(context);
        return observer.observe(source, action, () -> new CedarAuthorizationDecision(source, enforcer.decide(source.id(),
                () -> principals.principal(authentication), action, resource,
                () -> contexts.context(authentication, request, entries))));
    }

    /**
     * Whether {@code authentication} may do {@code action} to {@code resource} in a web request served
     * without the servlet API (WebFlux), whose values give the context's standard keys
     * ({@link CedarContextFactory#context(Authentication, String, String, String, boolean)}).
     */
    public CedarAuthorizationDecision authorize(Source source, Authentication authentication, EntityUid action,
            EntityUid resource, String remoteAddr, String method, String path, boolean secure) {
        return new CedarAuthorizationDecision(source, enforcer.decide(source.id(),
                () -> principals.principal(authentication), action, resource,
                () -> contexts.context(authentication, remoteAddr, method, path, secure)));
    }

    /** A denial for a failure before Cedar could be asked (the request had no route, say); listeners are told. */
    public CedarAuthorizationDecision fail(Source source, Authentication authentication, String failure) {
        return observer.observe(source, null, () -> new CedarAuthorizationDecision(source, enforcer.fail(source.id(),
                () -> principals.principal(authentication), failure)));
    }

    /** The action meant by {@code text}: a full uid, or an id of the configured action type. */
    public EntityUid action(String text) {
        return CedarNames.action(actionType, text);
    }

    /** The type of actions given by id alone. */
    public String actionType() {
        return actionType;
    }

    public PolicyStore policies() {
        return enforcer.policies();
    }

    public Enforcer enforcer() {
        return enforcer;
    }

    /** The servlet web request the current thread serves, or {@code null} (also in an application without Spring MVC). */
    public static HttpServletRequest currentRequest() {
        if (!SERVLET_WEB) {
            return null;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    /** Builds a {@link CedarAuthorizationService} and its {@link Enforcer}. */
    public static final class Builder {
        private final Enforcer.Builder enforcer;
        private CedarPrincipalMapper principals = CedarPrincipalMapper.byName("User", "Role");
        private CedarContextFactory contexts = new CedarContextFactory();
        private String actionType = "Action";
        private CedarDecisionObserver observer = CedarDecisionObserver.NONE;

        private Builder(PolicyStore policies) {
            this.enforcer = Enforcer.builder(policies);
        }

        /** Where entities come from; none by default. */
        public Builder entities(EntityProvider entities) {
            enforcer.entities(entities);
            return this;
        }

        /** The principal of an authentication; by default {@code User::"<name>"} in {@code Role::"<authority>"}. */
        public Builder principals(CedarPrincipalMapper principals) {
            this.principals = Objects.requireNonNull(principals, "principals");
            return this;
        }

        public Builder contexts(CedarContextFactory contexts) {
            this.contexts = Objects.requireNonNull(contexts, "contexts");
            return this;
        }

        public Builder mode(EnforcementMode mode) {
            enforcer.mode(mode);
            return this;
        }

        /** The type of actions given by id alone; {@code Action} by default. */
        public Builder actionType(String actionType) {
            CedarNames.type(actionType);
            this.actionType = actionType;
            return this;
        }

        public Builder listener(DecisionListener listener) {
            enforcer.listener(listener);
            return this;
        }

        /** Wraps each decision; none by default. */
        public Builder observer(CedarDecisionObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public CedarAuthorizationService build() {
            return new CedarAuthorizationService(enforcer.build(), principals, contexts, actionType, observer);
        }
    }
}
