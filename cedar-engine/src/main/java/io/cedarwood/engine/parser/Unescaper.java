package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a Cedar string literal (the text between the quotes) the way the reference does, with
 * Rust's string escape rules: {@code \n \r \t \\ \0 \' \"}, {@code \xHH} up to {@code 7F} and
 * <code>&#92;u{H..H}</code> (one to six hex digits, underscores allowed after the first, no surrogates). A bare
 * carriage return is an error. In {@code like} patterns an unescaped {@code *} (or one produced by an
 * escape such as <code>&#92;u{2a}</code>) is a wildcard and {@code \*} is a literal star.
 */
final class Unescaper {
    /** One bad escape: {@code [start, end)} are char offsets into the literal's body. */
    record BadEscape(int start, int end, String message) {
    }

    private final String raw;
    private final boolean pattern;
    private final List<BadEscape> errors = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<Pattern.Element> elements = new ArrayList<>();
    private int pos;

    private Unescaper(String raw, boolean pattern) {
        this.raw = raw;
        this.pattern = pattern;
    }

    /** The string value of a literal body, or the escapes that are invalid. */
    static Unescaped string(String raw) {
        Unescaper u = new Unescaper(raw, false);
        u.run();
        return new Unescaped(u.text.toString(), null, List.copyOf(u.errors));
    }

    /** The {@code like} pattern of a literal body, or the escapes that are invalid. */
    static Unescaped pattern(String raw) {
        Unescaper u = new Unescaper(raw, true);
        u.run();
        u.flushText();
        return new Unescaped(null, new Pattern(u.elements), List.copyOf(u.errors));
    }

    /** The outcome: a string or a pattern, valid when {@code errors} is empty. */
    record Unescaped(String value, Pattern pattern, List<BadEscape> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private void run() {
        int n = raw.length();
        while (pos < n) {
            int start = pos;
            int cp = next();
            if (cp == '\\') {
                if (pos < n && raw.charAt(pos) == '\n') {
                    // a line continuation: skip the line feed and the ASCII white space after it
                    while (pos < n && " \t\n\r".indexOf(raw.charAt(pos)) >= 0) {
                        pos++;
                    }
                    continue;
                }
                int c = escape(start);
                if (c >= 0) {
                    emit(c, false);
                } else if (c == LITERAL_STAR) {
                    emit('*', true);
                }
            } else if (cp == '\r') {
                error(start, "a bare carriage return is not allowed in a string; use `\\r`");
            } else {
                emit(cp, false);
            }
        }
    }

    private static final int FAILED = -1;
    private static final int LITERAL_STAR = -2;

    /** Reads the escape after a backslash at {@code start}; the code point, or a negative marker. */
    private int escape(int start) {
        if (pos >= raw.length()) {
            return fail(start);
        }
        int c = next();
        switch (c) {
            case '"':
                return '"';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '\\':
                return '\\';
            case '\'':
                return '\'';
            case '0':
                return 0;
            case 'x': {
                int hi = hexDigit();
                if (hi < 0) {
                    return fail(start);
                }
                int lo = hexDigit();
                if (lo < 0) {
                    return fail(start);
                }
                int value = hi * 16 + lo;
                return value > 0x7F ? fail(start) : value;
            }
            case 'u':
                return unicode(start);
            case '*':
                if (pattern) {
                    return LITERAL_STAR;
                }
                return fail(start);
            default:
                return fail(start);
        }
    }

    private int unicode(int start) {
        if (pos >= raw.length() || next() != '{') {
            return fail(start);
        }
        if (pos >= raw.length()) {
            return fail(start);
        }
        int first = next();
        if (first == '_' || first == '}') {
            return fail(start);
        }
        int value = hexValue(first);
        if (value < 0) {
            return fail(start);
        }
        int digits = 1;
        while (true) {
            if (pos >= raw.length()) {
                return fail(start);
            }
            int c = next();
            if (c == '_') {
                continue;
            }
            if (c == '}') {
                if (digits > 6 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
                    return fail(start);
                }
                return value;
            }
            int d = hexValue(c);
            if (d < 0) {
                return fail(start);
            }
            digits++;
            if (digits <= 6) {
                value = value * 16 + d;
            }
        }
    }

    private int hexDigit() {
        if (pos >= raw.length()) {
            return -1;
        }
        return hexValue(next());
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private int next() {
        int cp = raw.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private int fail(int start) {
        errors.add(new BadEscape(start, pos, "the input `" + raw.substring(start, pos) + "` is not a valid escape"));
        return FAILED;
    }

    private void error(int start, String message) {
        errors.add(new BadEscape(start, pos, message));
    }

    private void emit(int cp, boolean literalStar) {
        if (pattern && cp == '*' && !literalStar) {
            flushText();
            elements.add(new Pattern.Wildcard());
        } else {
            text.appendCodePoint(cp);
        }
    }

    private void flushText() {
        if (pattern && text.length() > 0) {
            elements.add(new Pattern.Text(text.toString()));
            text.setLength(0);
        }
    }
}
