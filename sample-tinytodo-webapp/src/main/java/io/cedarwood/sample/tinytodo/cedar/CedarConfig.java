package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.spring.security.CedarPolicyValidator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application adds to cedar-spring-security's auto-configuration, besides the beans of this
 * package ({@link TinyTodoEntities} is the {@code EntityProvider}, {@link DecisionRecorder} a decision
 * listener): the policy validator. The policies and the schema are named in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class CedarConfig {

    /** The policies are validated against the schema at startup, when the engine has a validator. */
    @Bean
    @ConditionalOnClass(name = EngineValidator.VALIDATOR)
    CedarPolicyValidator cedarPolicyValidator() {
        return new EngineValidator();
    }
}
