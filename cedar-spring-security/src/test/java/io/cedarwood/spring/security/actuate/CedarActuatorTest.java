package io.cedarwood.spring.security.actuate;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.ReloadResult;
import io.cedarwood.spring.security.CedarPolicyReloader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cedar} endpoint and health indicator on a real server (127.0.0.1, random port) behind Spring
 * Boot's default security; the policies are files in a temporary directory, checked for changes only when
 * the test says so (the schedule's interval is an hour).
 */
@SpringBootTest(classes = ActuatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,cedar",
                "management.endpoint.health.show-details=when-authorized", "cedar.schema=classpath:cedar/schema.cedarschema",
                "cedar.reload.enabled=true", "cedar.reload.interval=1h"})
@DirtiesContext
class CedarActuatorTest {
    static final Path DIR = copyPolicies();
    /** Text only the broken policy file has: it must not reach health or the endpoint. */
    static final String MARKER = "secretTeamOfAuditors";

    @Value("${local.server.port}")
    int port;
    @Autowired
    PolicyStore store;
    @Autowired
    CedarPolicyReloader reloader;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void policies(DynamicPropertyRegistry registry) {
        registry.add("cedar.policies", () -> DIR.toUri().toString());
    }

    static Path copyPolicies() {
        try (InputStream in = CedarActuatorTest.class.getResourceAsStream("/cedar/policies.cedar")) {
            Path dir = Files.createTempDirectory("cedar-actuator");
            Files.copy(in, dir.resolve("policies.cedar"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    HttpResponse<String> get(String path, boolean loggedIn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (loggedIn) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("ops:" + ActuatorApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousRequestDoesNotGetTheEndpoint() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/cedar", false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("owner");
    }

    @Test
    void theEndpointDescribesThePoliciesInUse() throws Exception {
        HttpResponse<String> response = get("/actuator/cedar", true);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("version").asLong()).isEqualTo(store.version());
        assertThat(body.get("digest").asText()).isEqualTo(store.current().digest().orElseThrow());
        assertThat(names(body.get("policies"))).containsExactly("admins", "archived", "create", "loopback-only",
                "owner", "readers");
        assertThat(body.get("source").get("kind").asText()).isEqualTo("files");
        assertThat(names(body.get("source").get("locations"))).containsExactly(DIR.toUri().toString());
        assertThat(body.get("schema").get("present").asBoolean()).isTrue();
        assertThat(body.get("schema").get("location").asText()).isEqualTo("classpath:cedar/schema.cedarschema");
        assertThat(body.get("enforcement").asText()).isEqualTo("enforcing");
        assertThat(body.get("reload").get("enabled").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("permit(");
    }

    @Test
    void healthIsDownWhileAFailedReloadKeepsThePreviousPolicies() throws Exception {
        assertThat(json.readTree(get("/actuator/health/cedar", true).body()).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> anonymousHealth = get("/actuator/health", false);
        assertThat(anonymousHealth.statusCode()).isEqualTo(200);
        assertThat(anonymousHealth.body()).doesNotContain("cedar");

        Path file = DIR.resolve("policies.cedar");
        String original = Files.readString(file);
        try {
            Files.writeString(file, original + "\npermit(principal in Team::\"" + MARKER + "\", action, resource) when {");
            ReloadResult failed = checkUntilSettled();
            assertThat(failed.outcome()).isEqualTo(ReloadResult.Outcome.FAILED);
            assertThat(failed.message()).contains(MARKER);   // the loader's message quotes the policy...

            HttpResponse<String> down = get("/actuator/health/cedar", true);
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode health = json.readTree(down.body());
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.get("details").get("reload").asText()).isEqualTo("failed");
            assertThat(health.get("details").get("reason").asText()).contains("do not load");
            assertThat(down.body()).doesNotContain(MARKER);   // ...health does not
            assertThat(get("/actuator/health", false).statusCode()).isEqualTo(503);

            HttpResponse<String> endpoint = get("/actuator/cedar", true);
            JsonNode reload = json.readTree(endpoint.body()).get("reload");
            assertThat(reload.get("outcome").asText()).isEqualTo("failed");
            assertThat(reload.get("healthy").asBoolean()).isFalse();
            assertThat(endpoint.body()).doesNotContain(MARKER);
        } finally {
            Files.writeString(file, original);
        }
        assertThat(checkUntilSettled().isHealthy()).isTrue();
        assertThat(json.readTree(get("/actuator/health/cedar", true).body()).get("status").asText()).isEqualTo("UP");
    }

    /** Checks until the files are no longer pending (they are loaded once they read the same twice). */
    private ReloadResult checkUntilSettled() {
        ReloadResult r = reloader.check();
        for (int i = 0; i < 3 && r.outcome() == ReloadResult.Outcome.PENDING; i++) {
            r = reloader.check();
        }
        return r;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
