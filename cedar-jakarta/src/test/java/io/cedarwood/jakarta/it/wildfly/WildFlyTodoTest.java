package io.cedarwood.jakarta.it.wildfly;

import io.cedarwood.jakarta.todo.TodoHttpTests;
import io.cedarwood.jakarta.todo.TodoWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The TinyTodo web application in a full Jakarta EE server: WildFly, managed by Arquillian, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyTodoTest extends TodoHttpTests {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TodoWar.create(false);
    }
}
