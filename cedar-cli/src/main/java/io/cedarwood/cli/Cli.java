package io.cedarwood.cli;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityUid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Small helpers shared by the subcommands. */
final class Cli {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** {@code User::bob}, {@code Ns::User::bob}: a uid whose id lost its quotes, usually to a shell. */
    private static final Pattern UNQUOTED_UID = Pattern.compile("((?:[A-Za-z_][A-Za-z0-9_]*::)+)([^\"\\s]+)");

    private Cli() {
    }

    /**
     * The contents of {@code file}, or of standard input when {@code file} is {@code null} or {@code -}:
     * UTF-8, a leading byte order mark skipped.
     *
     * @throws CedarException when the file cannot be read or is not UTF-8
     */
    static String readFileOrStdin(String file, String what) {
        boolean stdin = file == null || file.equals("-");
        String name = stdin ? "standard input" : "`" + file + "`";
        byte[] bytes;
        try {
            bytes = stdin ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CedarException("failed to read the " + what + ": no such file `" + file + "`");
        } catch (IOException e) {
            throw new CedarException("failed to read the " + what + " from " + name + ": " + e.getMessage());
        }
        String text = decodeUtf8(bytes, what, name);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Decodes strict UTF-8, naming the first byte that is not, by line and column, when there is one. */
    /**
     * The entities in {@code file} (standard input for {@code null} or {@code -}), read by their declared types
     * when {@code schema} is not {@code null}.
     */
    static Entities readEntities(String file, Schema schema) {
        String json = readFileOrStdin(file, "entities");
        return Entities.of(schema == null ? CedarJson.readEntities(json) : CedarJson.readEntities(json, schema));
    }

    static String decodeUtf8(byte[] bytes, String what, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new CedarException(String.format("failed to read the %s from %s: it is not UTF-8 "
                    + "(byte 0x%02X at line %d, byte %d of the line)", what, name, bytes[at] & 0xFF, line, at - lineStart + 1));
        }
        out.flip();
        return out.toString();
    }

    static void writeFile(String file, String content) {
        try {
            Files.writeString(Path.of(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write `" + file + "`", e);
        }
    }

    /**
     * Parses an entity uid given on the command line or in a JSON file ({@code what} names it: "principal",
     * "the value of `?principal`"). An id without its quotes, as a shell leaves {@code User::"bob"} when it
     * is not in single quotes, gets a hint.
     *
     * @throws CedarException when {@code text} is not an entity uid
     */
    static EntityUid uid(String what, String text) {
        try {
            return PolicyParser.parseEntityUid(text);
        } catch (ParseException e) {
            var unquoted = UNQUOTED_UID.matcher(text.strip());
            if (unquoted.matches()) {
                String quoted = unquoted.group(1) + "\"" + unquoted.group(2) + "\"";
                throw new CedarException("failed to parse " + what + " `" + text + "` as an entity uid: the id must be "
                        + "quoted, as in `" + quoted + "`\n = help: in a shell, put the whole uid in single quotes: '"
                        + quoted + "'");
            }
            // the parse error is rendered under our own first line, without a second `error: `
            String detail = e.getMessage().startsWith("error: ") ? e.getMessage().substring("error: ".length()) : e.getMessage();
            throw new CedarException("failed to parse " + what + " `" + text + "` as an entity uid: " + detail);
        }
    }
}
