package io.cedarwood.engine.schema;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The shared test data (Cedar's public integration tests, TinyTodo), found through the system property
 * {@code cedar.shared.dir}. Absent data fails the test under {@code CI=true} and skips it otherwise.
 */
final class SharedData {
    private SharedData() {
    }

    /** The shared data directory, or the test is failed (CI) or skipped (elsewhere). */
    static Path dir() {
        String property = System.getProperty("cedar.shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir.resolve("cedar-integration-tests"))) {
            String message = "shared test data not found at " + dir.toAbsolutePath().normalize()
                    + " (system property cedar.shared.dir); the public suite is at "
                    + "https://github.com/cedar-policy/cedar-integration-tests";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /**
     * The regular files of a {@code .tar.gz} whose names pass {@code wanted}, by name, as UTF-8 text.
     * A minimal ustar reader: 512-byte headers, octal sizes, the ustar prefix and GNU long names.
     */
    static Map<String, String> untar(Path tarGz, Predicate<String> wanted) {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty() && "ustar".equals(field(header, 257, 5))) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] content = readBytes(in, size);
                skip(in, (512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if ((type == '0' || type == 0) && wanted.test(name)) {
                    files.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + tarGz, e);
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        return n == buffer.length;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("truncated tar entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }
}
