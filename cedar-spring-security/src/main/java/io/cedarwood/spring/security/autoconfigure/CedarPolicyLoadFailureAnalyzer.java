package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.enforcement.PolicyLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports policies that keep the application from starting as what they are, not as a bean creation failure. */
class CedarPolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
        return new FailureAnalysis("The Cedar policies could not be loaded: " + cause.getMessage(),
                "Fix the policies or the schema, or point cedar.policies and cedar.schema elsewhere.", cause);
    }
}
