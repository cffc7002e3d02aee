package io.cedarwood.cli;

import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.value.CedarException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Small helpers shared by the subcommands. */
final class Cli {
    private Cli() {
    }

    /** The contents of {@code file}, or of standard input when {@code file} is {@code null} or {@code -}. */
    static String readFileOrStdin(String file, String what) {
        try {
            if (file == null || file.equals("-")) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new CedarException("failed to read the " + what + ": no such file `" + file + "`");
        } catch (IOException e) {
            throw new CedarException("failed to read the " + what + " from `" + file + "`: " + e.getMessage());
        }
    }

    static void writeFile(String file, String content) {
        try {
            Files.writeString(Path.of(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write `" + file + "`", e);
        }
    }

    /**
     * The error report for an exception that ended a command: parse errors come rendered with their
     * source lines; other errors of ours carry their own message; anything else names its cause.
     */
    static String describe(Throwable t) {
        if (t instanceof ParseException) {
            return t.getMessage();
        }
        if (t instanceof CedarException) {
            return "error: " + t.getMessage();
        }
        if (t instanceof UncheckedIOException u) {
            return "error: " + u.getMessage() + ": " + u.getCause().getMessage();
        }
        return "error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
