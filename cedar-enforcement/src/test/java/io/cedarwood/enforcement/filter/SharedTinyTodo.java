package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TinyTodo's schema and policies (with the admin, interns and location rules on) from
 * {@code <cedar.shared.dir>/tinytodo}, which the build sets. When they are absent, a test fails if the
 * environment variable {@code CI} is {@code true} and is skipped otherwise.
 */
final class SharedTinyTodo {
    private SharedTinyTodo() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("cedar.shared.dir", "../../shared")).toAbsolutePath().normalize()
                .resolve("tinytodo");
        if (!Files.isDirectory(dir)) {
            String message = "TinyTodo's files are not at " + dir + " (system property cedar.shared.dir); they are"
                    + " public in the cedar-policy/cedar-examples repository, folder tinytodo";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return dir;
    }

    static Schema schema() {
        return Schema.parseCedarSchema(read("tinytodo.cedarschema"));
    }

    static PolicySet policiesAllEnabled() {
        return PolicySet.parse(read("policies-all-enabled.cedar"));
    }

    private static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
