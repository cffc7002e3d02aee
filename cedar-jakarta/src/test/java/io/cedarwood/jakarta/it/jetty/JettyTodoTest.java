package io.cedarwood.jakarta.it.jetty;

import io.cedarwood.jakarta.todo.TodoHttpTests;
import io.cedarwood.jakarta.todo.TodoWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/** The TinyTodo web application in embedded Jetty 12 (ee10) with Weld servlet, over real HTTP. */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyTodoTest extends TodoHttpTests {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TodoWar.create(true);
    }
}
