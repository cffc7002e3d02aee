package io.cedarwood.jakarta.todo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TinyTodo's policies and schema from the shared test data ({@code cedar.shared.dir}, default
 * {@code ../shared}): never copied into the repository. Absent: the test fails under {@code CI=true} and is
 * skipped otherwise.
 */
public final class SharedTinyTodo {
    private SharedTinyTodo() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("cedar.shared.dir", "../../shared")).toAbsolutePath().normalize().resolve("tinytodo");
        if (!Files.isRegularFile(dir.resolve("policies.cedar"))) {
            String message = "TinyTodo data not found at " + dir + " (set cedar.shared.dir); TinyTodo is public at "
                    + "https://github.com/cedar-policy/cedar-examples, the Cedar suite at "
                    + "https://github.com/cedar-policy/cedar-integration-tests";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    public static Path policies() {
        return dir().resolve("policies.cedar");
    }

    public static Path schema() {
        return dir().resolve("tinytodo.cedarschema");
    }
}
