package io.cedarwood.engine.parser;

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
 * The shared test data (the public Cedar integration tests), found through the system property
 * {@code cedar.shared.dir}. When it is missing the calling test fails on CI and is skipped elsewhere.
 */
final class SharedTestData {
    private static final String PUBLIC_SUITE = "the public suite is at github.com/cedar-policy/cedar-integration-tests";

    private SharedTestData() {
    }

    /** The {@code cedar-integration-tests} folder; fails (CI) or skips the test when it is absent. */
    static Path integrationTests() {
        String configured = System.getProperty("cedar.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path dir = shared.resolve("cedar-integration-tests");
        if (!Files.isDirectory(dir)) {
            String message = "shared test data not found at " + dir.toAbsolutePath() + "; " + PUBLIC_SUITE;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /** The files of a {@code .tar.gz} whose names pass {@code wanted}, by name, in archive order. */
    static Map<String, String> readTarGz(Path archive, Predicate<String> wanted) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(in, header)) {
                if (isZeroBlock(header)) {
                    break;
                }
                String name = longName != null ? longName : headerName(header);
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] content = readContent(in, size, type == 'L' || ((type == '0' || type == 0) && wanted.test(name)));
                if (type == 'L') {
                    longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                } else if ((type == '0' || type == 0) && content != null) {
                    files.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String headerName(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static byte[] readContent(InputStream in, long size, boolean keep) throws IOException {
        long padded = (size + 511) / 512 * 512;
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream((int) size) : null;
        byte[] buffer = new byte[8192];
        long remaining = padded;
        long toKeep = size;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("truncated tar archive");
            }
            if (out != null && toKeep > 0) {
                out.write(buffer, 0, (int) Math.min(n, toKeep));
            }
            toKeep -= n;
            remaining -= n;
        }
        return out == null ? null : out.toByteArray();
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = 0;
        while (read < block.length) {
            int n = in.read(block, read, block.length - read);
            if (n < 0) {
                return false;
            }
            read += n;
        }
        return true;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
