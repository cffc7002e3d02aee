package io.cedarwood.engine.json;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The shared test data (the public cedar-integration-tests), found through the system property
 * {@code cedar.shared.dir}. Absent data fails the test on CI and skips it elsewhere.
 */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String dir = System.getProperty("cedar.shared.dir", "../../shared");
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("cedar-integration-tests"))) {
            String message = "the shared test data is not at `" + path.toAbsolutePath()
                    + "`; the public suite is at github.com/cedar-policy/cedar-integration-tests";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /** The dev corpus tarball. */
    static Path corpus() {
        return dir().resolve("cedar-integration-tests").resolve("corpus-tests-dev.tar.gz");
    }

    /** The text of every regular file in a {@code .tar.gz} whose name passes {@code wanted}, by name. */
    static Map<String, String> readTarGz(Path archive, Predicate<String> wanted) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if ((type == '0' || type == 0) && wanted.test(name)) {
                    files.put(name, new String(data, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
