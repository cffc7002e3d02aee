package io.cedarwood.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.ast.SourceSpan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reports the errors that end a command, and the diagnostics a command lists (validation errors), in the
 * chosen {@link ErrorFormat}. In {@code json}, each diagnostic is one object on one line:
 * {@code {"message", "severity", "help"?, "labels": [{"span": {"offset", "length"}, "line", "column"}]}},
 * offsets and lengths in UTF-8 bytes of the input as read (the reference's error reports use the same
 * keys).
 */
final class ErrorReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorReport() {
    }

    /** The error format chosen on the command line of {@code spec}'s command. */
    static ErrorFormat format(CommandSpec spec) {
        OptionSpec option = spec.findOption("--error-format");
        Object value = option == null ? null : option.getValue();
        return value instanceof ErrorFormat f ? f : ErrorFormat.human;
    }

    /** Reports the exception that ended a command. */
    static void print(PrintWriter err, ErrorFormat format, Throwable t) {
        if (format != ErrorFormat.json) {
            err.println(human(t));
        } else if (t instanceof ParseException p) {
            for (ParseError e : p.errors()) {
                err.println(json("error", e.message(), e.help(), p.source(), e.span()));
            }
        } else {
            err.println(json("error", message(t), null, null, null));
        }
        err.flush();
    }

    /** Reports an error of the command line itself (an unknown option, a bad value). */
    static void print(PrintWriter err, ErrorFormat format, String message, String help) {
        if (format == ErrorFormat.json) {
            err.println(json("error", message, help, null, null));
        } else {
            err.println("error: " + message);
            err.println(help);
        }
        err.flush();
    }

    /** One diagnostic, as the format wants it: {@code severity} is {@code error} or {@code warning}. */
    static String diagnostic(ErrorFormat format, String severity, String message, String help, String source, SourceSpan span) {
        if (format == ErrorFormat.json) {
            return json(severity, message, help, source, span);
        }
        String rendered = ParseException.render(source, List.of(new ParseError(message, span, help)));
        return severity.equals("error") ? rendered : severity + rendered.substring("error".length());
    }

    /**
     * The human report: parse errors come rendered with their source lines; other errors of ours carry
     * their own message; anything else names its cause.
     */
    static String human(Throwable t) {
        if (t instanceof ParseException) {
            return t.getMessage();
        }
        return "error: " + message(t);
    }

    private static String message(Throwable t) {
        if (t instanceof CedarException) {
            return t.getMessage();
        }
        if (t instanceof UncheckedIOException u) {
            return u.getMessage() + ": " + u.getCause().getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String json(String severity, String message, String help, String source, SourceSpan span) {
        ObjectNode o = JSON.createObjectNode();
        o.put("message", message);
        o.put("severity", severity);
        if (help != null) {
            o.put("help", help);
        }
        var labels = o.putArray("labels");
        if (span != null && source != null && span.end() <= source.length()) {
            ObjectNode label = labels.addObject();
            int offset = utf8Length(source, 0, span.start());
            label.putObject("span")
                    .put("offset", offset)
                    .put("length", utf8Length(source, span.start(), span.end()));
            int lineStart = source.lastIndexOf('\n', span.start() - 1) + 1;
            label.put("line", 1 + (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count());
            label.put("column", source.codePointCount(lineStart, span.start()) + 1);
        }
        return o.toString();
    }

    private static int utf8Length(String s, int from, int to) {
        return s.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }
}
