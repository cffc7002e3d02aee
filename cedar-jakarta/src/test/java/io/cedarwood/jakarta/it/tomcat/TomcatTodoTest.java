package io.cedarwood.jakarta.it.tomcat;

import io.cedarwood.jakarta.todo.TodoHttpTests;
import io.cedarwood.jakarta.todo.TodoWar;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTodo web application in embedded Tomcat 10.1 with Weld servlet, set up as the README says:
 * Tomcat authenticates (its realm, HTTP Basic, a {@code security-constraint}), CDI comes from Weld
 * servlet with {@code WEB-INF/beans.xml}; the same HTTP tests as in Jetty and WildFly.
 */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
class TomcatTodoTest extends TodoHttpTests {
    private static Tomcat tomcat;
    private static URL url;

    @BeforeAll
    static void start() throws IOException, LifecycleException {
        Path dir = Files.createTempDirectory("cedar-tomcat");
        File app = TodoWar.tomcat().as(ExplodedExporter.class).exportExploded(dir.toFile(), "todo");
        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("base").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // the demo users of TestAuthFilter, in Tomcat's realm: the password is the name; andrew and emina are admins
        for (String user : new String[] {"kesha", "aaron", "emina", "andrew"}) {
            tomcat.addUser(user, user);
        }
        tomcat.addRole("andrew", "admin");
        tomcat.addRole("emina", "admin");
        tomcat.setAddDefaultWebXmlToWebapp(false);   // no JSP servlet: Jasper is not on the class path
        Context context = tomcat.addWebapp("/todo", app.getAbsolutePath());
        tomcat.start();
        assertThat(context.getState()).as("the application started").isEqualTo(LifecycleState.STARTED);
        url = new URL("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/todo/");
    }

    @AfterAll
    static void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @BeforeEach
    void base() {
        base = url;
    }
}
