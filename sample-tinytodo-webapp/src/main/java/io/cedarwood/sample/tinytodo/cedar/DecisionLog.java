package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs denials to {@code io.cedarwood.sample.tinytodo.decisions}: at INFO what a person tried and was
 * refused; at DEBUG what the pages ask Cedar to grey out buttons ({@link Permissions}), which denies
 * routinely and is nobody's doing, and the requests of people not logged in (sent to the login page).
 */
@Component
public class DecisionLog implements DecisionListener {
    static final Logger LOG = LoggerFactory.getLogger("io.cedarwood.sample.tinytodo.decisions");

    @Override
    public void onDecision(EnforcementDecision decision, long nanos) {
        if (decision.isGranted()) {
            return;
        }
        String line = "denied " + decision.request().map(r -> r.principal().toCedar() + " " + r.action().toCedar()
                        + " " + r.resource().toCedar()).orElse("(Cedar was not asked: " + decision.failure().orElse("") + ")")
                + " by " + decision.diagnostics().reason();
        if (Source.PERMISSION.id().equals(decision.source()) || decision.failure().filter("unauthenticated"::equals).isPresent()) {
            LOG.debug(line);
        } else {
            LOG.info(line);
        }
    }
}
