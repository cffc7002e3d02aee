package io.cedarwood.spring.security.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the README's filter chain (every request through Cedar, the error page included), the error page
 * of a request Cedar already decided shows that request's own status: a bad JSON body is a 400, not an
 * empty 403, and no {@code no route for /error} is logged.
 */
@SpringBootTest(classes = ErrorDispatchTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "cedar.policies=classpath:cedar/policies.cedar",
                "cedar.http.routes[0].method=POST", "cedar.http.routes[0].path=/lists",
                "cedar.http.routes[0].action=CreateList", "cedar.http.routes[0].resource-type=Application",
                "cedar.http.routes[0].resource-id=todo"})
@ExtendWith(OutputCaptureExtension.class)
class ErrorDispatchTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        SecurityFilterChain chain(HttpSecurity http, CedarAuthorizationManager cedar) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().access(cedar))
                    .httpBasic(Customizer.withDefaults())
                    .csrf(c -> c.disable())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}pw").roles("USER").build());
        }

        @Bean
        Lists lists() {
            return new Lists();
        }
    }

    @RestController
    static class Lists {
        @PostMapping("/lists")
        String create(@RequestBody Map<String, Object> list) {
            return "created";
        }
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBadBodyIsA400WithSpringsErrorPage(CapturedOutput output) throws Exception {
        assertThat(post("/lists", "{\"name\": \"x\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> bad = post("/lists", "{\"name\": ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"status\":400");
        assertThat(output.getAll()).doesNotContain("/error`");
    }

    @Test
    void aDirectRequestForTheErrorPageIsStillDecided() throws Exception {
        assertThat(post("/error", "{}").statusCode()).isEqualTo(403);
    }
}
