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

    private static Path location() {
        return Path.of(System.getProperty("cedar.shared.dir", "../../shared")).toAbsolutePath().normalize().resolve("tinytodo");
    }

    /**
     * For {@code @EnabledIf} on container tests, whose deployment is built before any test method could skip:
     * false (skipped, with {@link #dir()}'s message in the log) when the data is absent, unless {@code CI=true},
     * where the test runs and fails.
     */
    public static boolean presentOrRequired() {
        if (Files.isRegularFile(location().resolve("policies.cedar")) || "true".equals(System.getenv("CI"))) {
            return true;
        }
        System.err.println("skipped: TinyTodo data not found at " + location() + " (set cedar.shared.dir)");
        return false;
    }

    public static Path dir() {
        Path dir = location();
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
