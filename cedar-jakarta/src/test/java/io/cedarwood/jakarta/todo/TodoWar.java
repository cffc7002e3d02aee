package io.cedarwood.jakarta.todo;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TinyTodo test application as a plain Jakarta EE web application: {@code web.xml} registers the Cedar
 * filter by init parameters, policies, schema and routes sit in {@code META-INF/cedar/}, and the libraries
 * in {@code WEB-INF/lib} are cedar-jakarta, cedar-enforcement and cedar-engine with its Jackson, taken from the
 * test classpath.
 */
public final class TodoWar {
    private TodoWar() {
    }

    /**
     * @param servletContainer for a servlet container that runs in the test's JVM (Jetty): Weld servlet's
     *        listener is registered, and the libraries are not packed because the container's class path has
     *        them already (packed twice, Weld would find cedar-jakarta's beans twice)
     */
    public static WebArchive create(boolean servletContainer) {
        return create(servletContainer, false);
    }

    /** @param programmatic the Cedar filter registered in code by {@link ProgrammaticSetup} instead of in web.xml */
    public static WebArchive create(boolean servletContainer, boolean programmatic) {
        String webXml = resource("/todo/web.xml");
        if (programmatic) {
            webXml = webXml.replaceAll("(?s)\\n  <!-- Policies, schema.*?</filter>\\n", "\n  <listener>\n    <listener-class>"
                    + ProgrammaticSetup.class.getName() + "</listener-class>\n  </listener>\n");
            webXml = webXml.replaceAll("(?s)  <filter-mapping>\\s*<filter-name>cedar</filter-name>.*?</filter-mapping>\\n", "");
        }
        if (servletContainer) {
            webXml = webXml.replaceFirst("\n  <filter>", """

                      <context-param>
                        <param-name>org.jboss.weld.environment.container.class</param-name>
                        <param-value>io.cedarwood.jakarta.todo.WeldWithoutServletInjection</param-value>
                      </context-param>
                      <listener>
                        <listener-class>org.jboss.weld.environment.servlet.Listener</listener-class>
                      </listener>

                      <filter>""");
        }
        WebArchive war = ShrinkWrap.create(WebArchive.class, "todo.war")
                .setWebXML(new StringAsset(webXml))
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addClasses(TodoEntities.class, ListService.class, TestAuthFilter.class, TodoServlet.class, ProgrammaticSetup.class)
                .addAsResource(SharedTinyTodo.policies().toFile(), "META-INF/cedar/policies.cedar")
                .addAsResource(SharedTinyTodo.schema().toFile(), "META-INF/cedar/schema.cedarschema")
                .addAsResource(new StringAsset(resource("/todo/routes.txt")), "META-INF/cedar/routes.txt");
        if (servletContainer) {
            return war;
        }
        war.addClasses(TodoRest.class, TodoRest.Api.class);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (Files.isDirectory(p) && p.endsWith(Path.of("cedar-jakarta", "target", "classes"))) {
                war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "cedar-jakarta.jar").as(ExplodedImporter.class)
                        .importDirectory(p.toFile()).as(JavaArchive.class));
            } else if (Files.isDirectory(p) && p.endsWith(Path.of("cedar-engine", "target", "classes"))) {
                war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "cedar-engine.jar").as(ExplodedImporter.class)
                        .importDirectory(p.toFile()).as(JavaArchive.class));
            } else if (Files.isDirectory(p) && p.endsWith(Path.of("cedar-enforcement", "target", "classes"))) {
                war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "cedar-enforcement.jar").as(ExplodedImporter.class)
                        .importDirectory(p.toFile()).as(JavaArchive.class));
            } else if (name.endsWith(".jar") && (name.startsWith("cedar-engine") || name.startsWith("jackson-")
                    || name.startsWith("antlr4-runtime")
                    || name.startsWith("cedar-enforcement") && !name.endsWith("-tests.jar"))) {
                war.addAsLibrary(p.toFile());
            }
        }
        return war;
    }

    /**
     * The application as the README sets it up for Tomcat: the container authenticates (HTTP Basic against
     * Tomcat's realm, a {@code security-constraint} so that Tomcat runs its authenticator before the
     * filters), Weld servlet's listener and {@code WEB-INF/beans.xml} give CDI. The libraries are not packed:
     * the embedded Tomcat's class path has them.
     */
    public static WebArchive tomcat() {
        String webXml = resource("/todo/web.xml")
                .replaceAll("(?s)  <filter>\\s*<filter-name>authentication</filter-name>.*?</filter>\\n\\n", "")
                .replaceAll("(?s)  <filter-mapping>\\s*<filter-name>authentication</filter-name>.*?</filter-mapping>\\n", "")
                .replaceFirst("\n  <!-- Policies, schema", """

                  <listener>
                    <listener-class>org.jboss.weld.environment.servlet.Listener</listener-class>
                  </listener>

                  <!-- Policies, schema""")
                .replace("</web-app>", """
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>everything</web-resource-name>
                      <url-pattern>/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint>
                      <role-name>**</role-name>
                    </auth-constraint>
                  </security-constraint>
                  <login-config>
                    <auth-method>BASIC</auth-method>
                    <realm-name>todo</realm-name>
                  </login-config>
                  <security-role>
                    <role-name>admin</role-name>
                  </security-role>
                </web-app>""");
        if (webXml.contains("TestAuthFilter")) {
            throw new IllegalStateException("the test's own authentication filter is still in web.xml");
        }
        return ShrinkWrap.create(WebArchive.class, "todo.war")
                .setWebXML(new StringAsset(webXml))
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addClasses(TodoEntities.class, ListService.class, TodoServlet.class)
                .addAsResource(SharedTinyTodo.policies().toFile(), "META-INF/cedar/policies.cedar")
                .addAsResource(SharedTinyTodo.schema().toFile(), "META-INF/cedar/schema.cedarschema")
                .addAsResource(new StringAsset(resource("/todo/routes.txt")), "META-INF/cedar/routes.txt");
    }

    private static String resource(String name) {
        try (InputStream in = TodoWar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
