package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.value.CedarException;

import java.util.List;

/**
 * Cedar text that does not parse. Carries every error found (parsing does not stop at the first) and
 * renders them with the offending source line and a caret.
 */
public final class ParseException extends CedarException {
    private static final int MAX_SHOWN_LINE = 120;

    private final String source;
    private final List<ParseError> errors;

    public ParseException(String source, List<ParseError> errors) {
        super(render(source, errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a parse exception needs at least one error");
        }
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The text that was parsed. */
    public String source() {
        return source;
    }

    public List<ParseError> errors() {
        return errors;
    }

    /**
     * Renders errors like this:
     * <pre>
     * error: unexpected token `)`
     *  --> 3:14
     *   |
     * 3 |   when { x + ) };
     *   |              ^
     *   = help: ...
     * </pre>
     */
    public static String render(String source, List<ParseError> errors) {
        StringBuilder out = new StringBuilder();
        for (ParseError e : errors) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("error: ").append(e.message());
            SourceSpan span = e.span();
            if (span != null && source != null && span.start() <= source.length()) {
                int start = span.start();
                int lineStart = source.lastIndexOf('\n', start - 1) + 1;
                int lineEnd = source.indexOf('\n', start);
                if (lineEnd < 0) {
                    lineEnd = source.length();
                }
                int line = 1;
                for (int i = 0; i < lineStart; i++) {
                    if (source.charAt(i) == '\n') {
                        line++;
                    }
                }
                int col = start - lineStart + 1;
                int width = Math.max(1, Math.min(span.end(), lineEnd) - start);
                // a very long line is shown as an excerpt around the error
                int from = lineStart;
                int to = lineEnd;
                if (lineEnd - lineStart > MAX_SHOWN_LINE) {
                    from = Math.max(lineStart, start - MAX_SHOWN_LINE / 3);
                    to = Math.min(lineEnd, from + MAX_SHOWN_LINE);
                    width = Math.max(1, Math.min(width, to - start));
                }
                String text = (from > lineStart ? "..." : "") + source.substring(from, to).replace('\t', ' ')
                        + (to < lineEnd ? "..." : "");
                int indent = start - from + (from > lineStart ? 3 : 0);
                String gutter = " ".repeat(String.valueOf(line).length());
                out.append('\n').append(gutter).append("--> ").append(line).append(':').append(col)
                        .append('\n').append(gutter).append(" |")
                        .append('\n').append(line).append(" | ").append(text)
                        .append('\n').append(gutter).append(" | ").append(" ".repeat(indent)).append("^".repeat(width));
            }
            if (e.help() != null) {
                out.append('\n').append(" = help: ").append(e.help());
            }
        }
        return out.toString();
    }
}
