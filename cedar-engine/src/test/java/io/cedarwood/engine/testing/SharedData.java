package io.cedarwood.engine.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The shared test data that lives outside the project ({@code ../shared}): the public Cedar
 * integration-test suite, the reference's expected validation results, the TinyTodo files.
 *
 * <p>Found through the system property {@code cedar.shared.dir} (the build sets it to {@code ../shared}).
 * When the data is absent, a test fails if the environment variable {@code CI} is {@code true} and is
 * skipped otherwise, saying where the public data can be obtained. Tarballs are unpacked once into
 * {@code target/shared-data}.
 */
public final class SharedData {
    private static final String WHERE = "the public suite is at https://github.com/cedar-policy/cedar-integration-tests";

    private SharedData() {
    }

    /** The shared folder itself. */
    public static Path sharedDir() {
        Path dir = Path.of(System.getProperty("cedar.shared.dir", "../../shared")).toAbsolutePath().normalize();
        return require(dir, "shared test data folder");
    }

    /** {@code shared/cedar-integration-tests}, as shipped (tarballs still packed). */
    public static Path integrationTestsDir() {
        return require(sharedDir().resolve("cedar-integration-tests"), "Cedar integration-test suite");
    }

    /** {@code shared/tinytodo}. */
    public static Path tinyTodoDir() {
        return require(sharedDir().resolve("tinytodo"), "TinyTodo data");
    }

    /**
     * A root folder laid out like the suite's repository: {@code tests/}, {@code sample-data/} and the
     * unpacked {@code corpus-tests/}, so that paths inside the test files resolve against it.
     */
    public static synchronized Path integrationTestsRoot() {
        Path source = integrationTestsDir();
        Path root = workDir().resolve("cedar-integration-tests");
        Path done = root.resolve(".complete");
        if (!Files.exists(done)) {
            copyTree(source.resolve("tests"), root.resolve("tests"));
            copyTree(source.resolve("sample-data"), root.resolve("sample-data"));
            untar(require(source.resolve("corpus-tests-dev.tar.gz"), "dev corpus tarball"), root);
            touch(done);
        }
        return root;
    }

    /**
     * The unpacked expected results of the reference: {@code validation/<sha>.validation.json} and
     * {@code json-schemas/<sha>.cedarschema.json}.
     */
    public static synchronized Path expectedResultsDir() {
        Path tarball = require(integrationTestsDir().resolve("expected-validation-and-json-schemas-dev.tar.gz"),
                "expected validation results tarball");
        Path dir = workDir().resolve("expected");
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            untar(tarball, dir);
            touch(done);
        }
        return dir;
    }

    /** The text of a shared file (UTF-8). */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The dev corpus tarball, {@code corpus-tests-dev.tar.gz}. */
    public static Path corpusTarball() {
        return require(integrationTestsDir().resolve("corpus-tests-dev.tar.gz"), "dev corpus tarball");
    }

    /**
     * The text of every regular file in a {@code .tar.gz} whose entry name (such as
     * {@code corpus-tests/<sha>.cedar}) passes {@code wanted}, by entry name, in archive order; read in
     * memory, nothing is unpacked.
     */
    public static Map<String, String> readTarGz(Path archive, Predicate<String> wanted) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && wanted.test(entry.getName())) {
                    files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + archive, e);
        }
        return files;
    }

    private static Path workDir() {
        return Path.of("target", "shared-data").toAbsolutePath();
    }

    private static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            String message = "the " + what + " is missing at `" + path + "` (set -Dcedar.shared.dir); " + WHERE;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void untar(Path tarball, Path into) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            Path base = into.normalize();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("tar entry `" + entry.getName() + "` points outside the target folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to unpack " + tarball, e);
        }
    }

    private static void touch(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
