package io.cedarwood.spring.security;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks Cedar: maps the authentication to a principal, builds the context, gathers the entities, calls the
 * engine and applies the enforcement mode. Shared by request authorization, method authorization and
 * {@code hasPermission}. Never throws: anything that goes wrong is a denial (fail closed), logged.
 * Thread-safe.
 */
public final class CedarAuthorizationService {
    private static final Log log = LogFactory.getLog(CedarAuthorizationService.class);
    private static final boolean SERVLET_WEB = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest", null)
            && ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder", null);

    private final Authorizer authorizer = new Authorizer();
    private final CedarPolicyStore policies;
    private final EntityProvider entities;
    private final CedarPrincipalMapper principals;
    private final CedarContextFactory contexts;
    private final CedarEnforcementMode mode;
    private final String actionType;
    private final List<CedarDecisionListener> listeners;

    private CedarAuthorizationService(Builder b) {
        this.policies = b.policies;
        this.entities = b.entities;
        this.principals = b.principals;
        this.contexts = b.contexts;
        this.mode = b.mode;
        this.actionType = b.actionType;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder(CedarPolicyStore policies) {
        return new Builder(policies);
    }

    /**
     * Whether {@code authentication} may do {@code action} to {@code resource}.
     *
     * @param request the web request being served, for the context; {@code null} outside one
     */
    public CedarAuthorizationDecision authorize(Source source, Authentication authentication, EntityUid action,
            EntityUid resource, HttpServletRequest request) {
        long start = System.nanoTime();
        Request cedarRequest = null;
        CedarAuthorizationDecision decision;
        try {
            Entity principal = principals.principal(authentication);
            if (principal == null) {
                decision = CedarAuthorizationDecision.failed(source, null, "unauthenticated");
            } else {
                RecordValue context = contexts.context(authentication, request);
                cedarRequest = new Request(principal.uid(), action, resource, context);
                CedarPolicies current = policies.current();
                RequestEntities requestEntities = new RequestEntities(principal, current.actionEntities(), entities);
                Response response = authorizer.isAuthorized(cedarRequest, current.policies(), requestEntities);
                decision = CedarAuthorizationDecision.of(source, cedarRequest, response, mode);
            }
        } catch (RuntimeException e) {
            log.error("cedar: denied because the decision failed", e);
            decision = CedarAuthorizationDecision.failed(source, cedarRequest, "the decision failed: " + e);
        }
        notify(decision, System.nanoTime() - start);
        return decision;
    }

    /** A denial for a failure before Cedar could be asked (the request had no route, say); listeners are told. */
    public CedarAuthorizationDecision fail(Source source, String failure) {
        CedarAuthorizationDecision decision = CedarAuthorizationDecision.failed(source, null, failure);
        notify(decision, 0);
        return decision;
    }

    /** The action meant by {@code text}: a full uid, or an id of the configured action type. */
    public EntityUid action(String text) {
        return CedarUids.action(actionType, text);
    }

    /** The type of actions given by id alone. */
    public String actionType() {
        return actionType;
    }

    public CedarPolicyStore policies() {
        return policies;
    }

    /** The servlet web request the current thread serves, or {@code null} (also in an application without Spring MVC). */
    public static HttpServletRequest currentRequest() {
        if (!SERVLET_WEB) {
            return null;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private void notify(CedarAuthorizationDecision decision, long nanos) {
        for (CedarDecisionListener l : listeners) {
            try {
                l.onDecision(decision, nanos);
            } catch (RuntimeException e) {
                log.warn("cedar: a decision listener failed", e);
            }
        }
    }

    public static final class Builder {
        private final CedarPolicyStore policies;
        private EntityProvider entities = Entities.EMPTY;
        private CedarPrincipalMapper principals = CedarPrincipalMapper.byName("User", "Role");
        private CedarContextFactory contexts = new CedarContextFactory();
        private CedarEnforcementMode mode = CedarEnforcementMode.ENFORCING;
        private String actionType = "Action";
        private final List<CedarDecisionListener> listeners = new ArrayList<>();

        private Builder(CedarPolicyStore policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
        }

        /** Where entities come from; none by default. */
        public Builder entities(EntityProvider entities) {
            this.entities = Objects.requireNonNull(entities, "entities");
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

        public Builder mode(CedarEnforcementMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The type of actions given by id alone; {@code Action} by default. */
        public Builder actionType(String actionType) {
            CedarUids.type(actionType);
            this.actionType = actionType;
            return this;
        }

        public Builder listener(CedarDecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public CedarAuthorizationService build() {
            return new CedarAuthorizationService(this);
        }
    }
}
