package io.cedarwood.spring.security.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** An application with Actuator and Spring Boot's default security: every endpoint but health needs a login. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ActuatorApplication {
    static final String PASSWORD = "pw";

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("ops")
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD)).roles("OPS").build());
    }
}
