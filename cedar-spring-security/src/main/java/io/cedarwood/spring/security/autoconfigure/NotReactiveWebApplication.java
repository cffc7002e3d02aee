package io.cedarwood.spring.security.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Anything but a reactive web application: there {@code @CedarAuthorize} is decided by
 * {@link CedarReactiveAutoConfiguration}'s advisor, on subscription.
 */
class NotReactiveWebApplication extends NoneNestedConditions {

    NotReactiveWebApplication() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {
    }
}
