package io.cedarwood.spring.security.reactive;

import io.cedarwood.spring.security.web.CedarAuthorizationManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cedar in a WebFlux application on Netty (127.0.0.1, random port), through {@link WebTestClient}: the route
 * table of {@code cedar.http.routes} for {@code /docs/...}, {@code @CedarAuthorize} on reactive methods for
 * {@code /service/...}.
 */
@SpringBootTest(classes = DocsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=reactive",
        "server.address=127.0.0.1",
        "cedar.http.routes[0].method=GET",
        "cedar.http.routes[0].path=/docs/{docId}",
        "cedar.http.routes[0].action=view",
        "cedar.http.routes[0].resource-type=Doc",
        "cedar.http.routes[0].resource-id={docId}",
        "cedar.http.routes[1].method=PUT",
        "cedar.http.routes[1].path=/docs/{docId}",
        "cedar.http.routes[1].action=edit",
        "cedar.http.routes[1].resource-type=Doc",
        "cedar.http.routes[1].resource-id={docId}",
        "cedar.http.routes[2].method=DELETE",
        "cedar.http.routes[2].path=/docs/{docId}",
        "cedar.http.routes[2].action=delete",
        "cedar.http.routes[2].resource-type=Doc",
        "cedar.http.routes[2].resource-id={docId}"})
class WebFluxApplicationTest {
    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String user) {
        return client.method(method).uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, DocsApplication.PASSWORD);
                    }
                })
                .exchange();
    }

    @Test
    void theRouteTableOfThePropertiesDecides() {
        send(HttpMethod.PUT, "/docs/1", "bob").expectStatus().isOk().expectBody(String.class).isEqualTo("edited 1");
        send(HttpMethod.PUT, "/docs/1", "alice").expectStatus().isForbidden();
        send(HttpMethod.DELETE, "/docs/2", "alice").expectStatus().isForbidden();   // forbid beats the owner
    }

    @Test
    void theSchemasActionGroupsApply() {
        send(HttpMethod.GET, "/docs/1", "alice").expectStatus().isOk();   // view in [read], readers may read
        send(HttpMethod.GET, "/docs/2", "carol").expectStatus().isOk();   // the provider's parents count
        send(HttpMethod.GET, "/docs/2", "erin").expectStatus().isOk();    // the admin role lifts the forbid
        send(HttpMethod.GET, "/docs/1", "bob").expectStatus().isOk();     // the owner
        send(HttpMethod.GET, "/docs/2", "bob").expectStatus().isForbidden();
    }

    @Test
    void aRequestWithoutARouteIsForbidden() {
        send(HttpMethod.GET, "/docs", "erin").expectStatus().isForbidden();
        send(HttpMethod.POST, "/docs/1", "erin").expectStatus().isForbidden();
    }

    @Test
    void anAnonymousRequestGetsTheEntryPoint() {
        send(HttpMethod.GET, "/docs/1", null).expectStatus().isUnauthorized();
        send(HttpMethod.PUT, "/service/docs/1", null).expectStatus().isUnauthorized();
    }

    @Test
    void reactiveMethodsAreDecidedOnSubscription() {
        send(HttpMethod.PUT, "/service/docs/1", "bob").expectStatus().isOk().expectBody(String.class)
                .isEqualTo("edited 1 by the service");
        send(HttpMethod.PUT, "/service/docs/1", "alice").expectStatus().isForbidden();
        send(HttpMethod.GET, "/service/docs/1/lines", "alice").expectStatus().isOk().expectBody(String.class)
                .isEqualTo("one\ntwo\n");
        send(HttpMethod.GET, "/service/docs/2/lines", "bob").expectStatus().isForbidden();
    }

    @Test
    void theEntityProviderIsNeverCalledOnTheEventLoop() {
        DocsApplication.PROVIDER_THREADS.clear();
        send(HttpMethod.GET, "/docs/1", "alice").expectStatus().isOk();
        send(HttpMethod.PUT, "/docs/1", "alice").expectStatus().isForbidden();
        send(HttpMethod.PUT, "/service/docs/1", "bob").expectStatus().isOk();
        send(HttpMethod.GET, "/service/docs/2/lines", "bob").expectStatus().isForbidden();
        assertThat(DocsApplication.PROVIDER_THREADS).isNotEmpty()
                .noneMatch(t -> t.startsWith("reactor-http") || t.contains("nio") || t.contains("epoll"))
                .allMatch(t -> t.startsWith("boundedElastic-"));
    }

    @Test
    void onlyTheReactiveManagersAreConfigured() {
        assertThat(context.getBeansOfType(CedarReactiveAuthorizationManager.class)).hasSize(1);
        assertThat(context.getBeansOfType(CedarReactiveMethodAuthorizationManager.class)).hasSize(1);
        assertThat(context.getBeansOfType(CedarAuthorizationManager.class)).isEmpty();
    }
}
