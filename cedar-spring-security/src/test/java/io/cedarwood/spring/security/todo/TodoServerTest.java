package io.cedarwood.spring.security.todo;

import io.cedarwood.enforcement.PolicyStore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The to-do application on a real server (127.0.0.1, random port) with a real HTTP client; its policies
 * are files in a temporary directory, reloaded when they change.
 */
@SpringBootTest(classes = TodoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cedar.reload.enabled=true", "cedar.reload.interval=50ms"})
@ActiveProfiles("todo")
@DirtiesContext
class TodoServerTest {
    static final Path DIR = copyPolicies();

    @Value("${local.server.port}")
    int port;
    @Autowired
    PolicyStore store;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void policies(DynamicPropertyRegistry registry) {
        registry.add("cedar.policies", () -> DIR.toUri().toString());
    }

    static Path copyPolicies() {
        try (InputStream in = TodoServerTest.class.getResourceAsStream("/cedar/policies.cedar")) {
            Path dir = Files.createTempDirectory("cedar-policies");
            Files.copy(in, dir.resolve("policies.cedar"), StandardCopyOption.REPLACE_EXISTING);
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

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            String credentials = user + ":" + TodoApplication.PASSWORD;
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void allowDenyAndUnauthenticatedOverHttp() throws Exception {
        HttpResponse<String> allowed = send("GET", "/api/lists/1", "bob");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"name\":\"list 1\"");
        assertThat(send("GET", "/api/lists/1", "carol").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = send("GET", "/api/lists/1", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        HttpResponse<String> forbidden = send("DELETE", "/api/lists/2", "alice");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("X-Cedar-Reason")).hasValue("archived");
    }

    @Test
    void methodSecurityAndHasPermissionOverHttp() throws Exception {
        assertThat(send("GET", "/svc/lists/1", "bob").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/svc/lists/1", "carol").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/svc/lists/1", "alice").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/svc/lists/1", "bob").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/svc/found/1", "carol").statusCode()).isEqualTo(403);
    }

    @Test
    void changedPoliciesAreReloadedAndBrokenOnesAreNot() throws Exception {
        Path file = DIR.resolve("policies.cedar");
        String original = Files.readString(file);
        try {
            assertThat(send("GET", "/api/lists/1", "carol").statusCode()).isEqualTo(403);

            write(file, original + "\npermit(principal == User::\"carol\", action == Action::\"GetList\", resource);\n");
            assertThat(eventually(() -> send("GET", "/api/lists/1", "carol").statusCode() == 200)).isTrue();
            var reloaded = store.current();

            write(file, original + "\npermit(principal == User::\"carol\", action, resource) when {");
            Thread.sleep(500);
            assertThat(store.current()).isSameAs(reloaded);
            assertThat(send("GET", "/api/lists/1", "carol").statusCode()).isEqualTo(200);

            write(file, original + "\npermit(principal == User::\"carol\", action, resource) when { Typo::\"x\" == resource };");
            Thread.sleep(500);
            assertThat(store.current()).as("policies that do not validate are not used").isSameAs(reloaded);
        } finally {
            write(file, original);
            assertThat(eventually(() -> send("GET", "/api/lists/1", "carol").statusCode() == 403)).isTrue();
        }
    }

    /** Replaces the file at once, as a deployment should: the reloader never sees half of it. */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
