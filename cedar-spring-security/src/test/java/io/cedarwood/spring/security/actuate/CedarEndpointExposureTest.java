package io.cedarwood.spring.security.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** With Spring Boot's defaults, the endpoint exists but is not exposed over HTTP, even to a logged-in user. */
@SpringBootTest(classes = ActuatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class CedarEndpointExposureTest {
    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theEndpointIsNotExposedByDefault() throws Exception {
        assertThat(context.getBeansOfType(CedarEndpoint.class)).hasSize(1);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/cedar")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("ops:" + ActuatorApplication.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("owner");
    }
}
