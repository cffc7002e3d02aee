package io.cedarwood.jakarta.it.wildfly;

import io.cedarwood.jakarta.todo.RawHttp;
import io.cedarwood.jakarta.todo.RawHttp.Reply;
import io.cedarwood.jakarta.todo.TodoHttpTests;
import io.cedarwood.jakarta.todo.TodoWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The TinyTodo web application in a full Jakarta EE server: WildFly, managed by Arquillian, over real HTTP. */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyTodoTest extends TodoHttpTests {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TodoWar.create(false);
    }

    @Test
    void jaxRsResourceDeniedByTheInterceptorIsA403WithoutDetails() throws IOException {
        Reply allowed = RawHttp.send(base, "GET", "/api/lists/1", "kesha");
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("list 1");

        Reply denied = RawHttp.send(base, "GET", "/api/lists/1", "aaron");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("GetList").doesNotContainIgnoringCase("policy").doesNotContain("Exception");
    }
}
