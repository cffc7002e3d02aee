package io.cedarwood.sample.tinytodo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A client of the JSON API over real HTTP, logging in as a demo user (whose password is their name). */
final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String user;
    private final String password;

    private Api(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** Nobody logged in. */
    static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port, null, null);
    }

    Api as(String user) {
        return new Api(base, user, user);
    }

    Api as(String user, String password) {
        return new Api(base, user, password);
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        long id() {
            return body.get("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** A new list of this user's, with its id. */
    long createList(String name) {
        Reply r = post("/api/lists", Map.of("name", name));
        if (r.status() != 201) {
            throw new AssertionError(user + " could not create a list: " + r);
        }
        return r.id();
    }

    long createTask(long listId, String name) {
        Reply r = post("/api/lists/" + listId + "/tasks", Map.of("name", name));
        if (r.status() != 201) {
            throw new AssertionError(user + " could not add a task: " + r);
        }
        return r.id();
    }

    /** Any method, with a body of any content type ({@code null} for none). */
    Reply send(String method, String path, String contentType, String body) {
        return exchange(method, path, contentType, body);
    }

    private Reply send(String method, String path, Object body) {
        return body == null ? exchange(method, path, null, null)
                : exchange(method, path, "application/json", JSON.writeValueAsString(body));
    }

    private Reply exchange(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (user != null) {
            String credentials = user + ":" + password;
            b.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : JSON.readTree(text);
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
