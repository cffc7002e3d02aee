package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.spring.security.CedarPolicyLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports policies that keep the application from starting as what they are, not as a bean creation failure. */
class CedarPolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<CedarPolicyLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CedarPolicyLoadException cause) {
        return new FailureAnalysis("The Cedar policies could not be loaded: " + cause.getMessage(),
                "Fix the policies or the schema, or point cedar.policies and cedar.schema elsewhere.", cause);
    }
}
