package io.cedarwood.spring.security.oauth2;

import io.cedarwood.spring.security.web.CedarAuthorizationManager;
import io.cedarwood.spring.security.web.CedarRoutes;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

/**
 * A resource server whose tokens are signed with a key made at startup (no identity provider): the
 * README's JWT configuration, with the {@code JwtDecoder} of that key.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JwtApplication.Docs.class)
public class JwtApplication {
    /** The issuer's key pair; tests sign tokens with its private key. */
    static final KeyPair KEYS = rsa();

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().access(cedar))
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    CedarRoutes cedarRoutes() {
        return CedarRoutes.builder().route("GET", "/docs/{id}", "GetDoc", "Doc", "{id}").build();
    }

    @RestController
    static class Docs {
        @GetMapping("/docs/{id}")
        String doc(@PathVariable String id) {
            return "doc " + id;
        }
    }
}
