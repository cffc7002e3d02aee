package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * Keeps, in the web session, the last decision about something the user tried to do, for the "Why?"
 * panel: every denial, and the grants of requests that change something. Page views that are allowed are
 * not kept (the panel would only ever say "you may see this page"), nor the questions the pages ask to
 * grey out buttons ({@link Permissions}), nor the requests of people not logged in.
 */
@Component
public class DecisionRecorder implements DecisionListener {
    /** The session attribute of the last decision, an {@link Explanation}. */
    public static final String LAST_DECISION = "tinytodo.lastDecision";

    private final PolicyStore policies;

    public DecisionRecorder(PolicyStore policies) {
        this.policies = policies;
    }

    @Override
    public void onDecision(EnforcementDecision decision, long nanos) {
        HttpServletRequest request = CedarAuthorizationService.currentRequest();
        if (request == null || Source.PERMISSION.id().equals(decision.source())
                || decision.failure().filter("unauthenticated"::equals).isPresent()) {
            return; // not the user's doing, or nobody logged in (who then goes to the login page)
        }
        if (decision.isGranted() && "GET".equals(request.getMethod())) {
            return;
        }
        Explanation explanation = Explanation.of(decision, policies.current().policies());
        request.setAttribute(LAST_DECISION, explanation);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(LAST_DECISION, explanation);
        }
    }

    /** The decision to explain in this request: the one it made, else the session's last one. */
    public static Explanation last(HttpServletRequest request) {
        Object here = request.getAttribute(LAST_DECISION);
        if (here instanceof Explanation e) {
            return e;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(LAST_DECISION) instanceof Explanation e ? e : null;
    }
}
