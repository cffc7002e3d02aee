package io.cedarwood.spring.security.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports bad Cedar configuration (route properties, names the schema lacks) as what it is. */
class CedarConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CedarConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CedarConfigurationException cause) {
        return new FailureAnalysis("The Cedar configuration is not valid: " + cause.getMessage(),
                "Fix the cedar.* properties, the @CedarAuthorize annotations or the schema named above.", cause);
    }
}
