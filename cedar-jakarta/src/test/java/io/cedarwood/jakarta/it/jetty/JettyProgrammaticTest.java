package io.cedarwood.jakarta.it.jetty;

import io.cedarwood.jakarta.todo.RawHttp;
import io.cedarwood.jakarta.todo.RawHttp.Reply;
import io.cedarwood.jakarta.todo.TodoWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter registered in code ({@code ProgrammaticSetup}): its own routes, a login page instead of a 401. */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyProgrammaticTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TodoWar.create(true, true);
    }

    @ArquillianResource
    URL base;

    @Test
    void routesAndDecisionsComeFromTheSettings() throws IOException {
        Reply allowed = RawHttp.send(base, "GET", "/lists/1", "kesha");
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body()).contains("served=/lists/1", "route=GET /lists/{listId}", "decision=allow");
        assertThat(RawHttp.send(base, "GET", "/lists/1", "aaron").status()).isEqualTo(403);
        // only GET /lists/{listId} is routed here
        assertThat(RawHttp.send(base, "GET", "/lists", "kesha").status()).isEqualTo(403);
    }

    @Test
    void unauthenticatedIsRedirectedToTheLoginPage() throws IOException {
        Reply reply = RawHttp.send(base, "GET", "/lists/1", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
        assertThat(reply.headers().get("location")).endsWith(base.getPath().replaceAll("/$", "") + "/login");
    }
}
