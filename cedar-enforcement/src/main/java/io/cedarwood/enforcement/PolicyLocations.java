package io.cedarwood.enforcement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a {@link PolicyLoader} reads its files. Each integration resolves its own kinds of location
 * (Spring resources, a web application's class path); {@link #files} reads the file system.
 */
public interface PolicyLocations {

    /**
     * The text of every policy file, in the order their policies count.
     *
     * @throws PolicyLoadException when a location has no file or cannot be read
     */
    List<PolicySource> policies();

    /** The schema file's text, empty when there is no schema. */
    Optional<PolicySource> schema();

    /**
     * Policy files and directories on the file system, and an optional schema file. A directory means
     * every {@code .cedar} file below it, sorted by path.
     */
    static PolicyLocations files(List<Path> policies, Path schema) {
        List<Path> locations = List.copyOf(policies);
        return new PolicyLocations() {
            @Override
            public List<PolicySource> policies() {
                List<PolicySource> out = new ArrayList<>();
                for (Path location : locations) {
                    if (Files.isDirectory(location)) {
                        List<Path> found = cedarFiles(location);
                        if (found.isEmpty()) {
                            throw new PolicyLoadException("no `.cedar` file in `" + location + "`");
                        }
                        found.forEach(p -> out.add(read(p)));
                    } else {
                        out.add(read(location));
                    }
                }
                return out;
            }

            @Override
            public Optional<PolicySource> schema() {
                return Optional.ofNullable(schema).map(PolicyLocations::read);
            }
        };
    }

    /**
     * The file's text as strict UTF-8.
     *
     * @throws PolicyLoadException when there is no such file, it cannot be read, or it is not UTF-8
     */
    static PolicySource read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new PolicyLoadException("no file at `" + file + "`");
        }
        try {
            return new PolicySource(file.toString(), decode(Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            throw new PolicyLoadException("cannot read `" + file + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Bytes as strict UTF-8 text (a leading byte order mark dropped).
     *
     * @throws PolicyLoadException naming {@code name} when the bytes are not UTF-8
     */
    static String decode(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new PolicyLoadException("`" + name + "` is not UTF-8 text", e);
        }
    }

    private static List<Path> cedarFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cedar") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new PolicyLoadException("cannot read `" + dir + "`: " + e.getMessage(), e);
        }
    }
}
