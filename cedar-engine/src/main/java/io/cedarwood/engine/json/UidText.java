package io.cedarwood.engine.json;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an entity uid written as Cedar text, {@code Type::"id"} or {@code A::B::Type::"id"}, as the request
 * JSON of the reference CLI gives them. Follows the reference grammar: white space and {@code //} comments
 * may come between tokens, and the id is a Cedar string literal with Cedar's escapes ({@code \n}, {@code \t},
 * {@code \r}, {@code \\}, {@code \0}, {@code \'}, {@code \"}, {@code \x41} up to {@code \x7F}, and
 * <code>&#92;u{1F600}</code>).
 */
final class UidText {
    private final String text;
    private int pos;

    private UidText(String text) {
        this.text = text;
    }

    /** A uid that failed to read; the message says why, in our message style. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static EntityUid parse(String text) throws Invalid {
        return new UidText(text).uid();
    }

    private EntityUid uid() throws Invalid {
        List<String> path = new ArrayList<>();
        skipSpace();
        path.add(identifier());
        while (true) {
            skipSpace();
            if (!text.startsWith("::", pos)) {
                throw new Invalid(pos >= text.length()
                        ? "expected `::` and a quoted id after the type name"
                        : "expected `::`, found " + describeNext());
            }
            pos += 2;
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '"') {
                break;
            }
            path.add(identifier());
        }
        String id = string();
        skipSpace();
        if (pos < text.length()) {
            throw new Invalid("unexpected " + describeNext() + " after the entity uid");
        }
        String type = String.join("::", path);
        if (!Names.isName(type, false)) {
            throw new Invalid("`" + type + "` is not a valid entity type name");
        }
        return new EntityUid(new EntityType(type), id);
    }

    private String identifier() throws Invalid {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (pos > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new Invalid(pos >= text.length()
                    ? "expected an identifier or a quoted id, found the end of the text"
                    : "expected an identifier or a quoted id, found " + describeNext());
        }
        return text.substring(start, pos);
    }

    /** A string literal starting at the current {@code "}; returns its unescaped contents. */
    private String string() throws Invalid {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new Invalid("the quoted id is not closed");
            }
            int cp = text.codePointAt(pos);
            pos += Character.charCount(cp);
            if (cp == '"') {
                return out.toString();
            } else if (cp == '\r') {
                throw new Invalid("a bare carriage return is not allowed in a string; write `\\r`");
            } else if (cp == '\\') {
                out.appendCodePoint(escape());
            } else {
                out.appendCodePoint(cp);
            }
        }
    }

    private int escape() throws Invalid {
        if (pos >= text.length()) {
            throw new Invalid("the quoted id is not closed");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '\\':
                return '\\';
            case '0':
                return 0;
            case '\'':
                return '\'';
            case '"':
                return '"';
            case 'x': {
                int hi = pos < text.length() ? hexDigit(text.charAt(pos)) : -1;
                int lo = pos + 1 < text.length() ? hexDigit(text.charAt(pos + 1)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new Invalid("a `\\x` escape needs two hex digits");
                }
                pos += 2;
                int value = hi * 16 + lo;
                if (value > 0x7f) {
                    throw new Invalid("a `\\x` escape must be at most `\\x7F`");
                }
                return value;
            }
            case 'u':
                return unicodeEscape();
            default:
                throw new Invalid("unknown escape `\\" + new String(Character.toChars(text.codePointAt(pos - 1))) + "`");
        }
    }

    /** The rest of <code>&#92;u{...}</code>: 1 to 6 hex digits, underscores allowed after the first digit. */
    private int unicodeEscape() throws Invalid {
        if (pos >= text.length() || text.charAt(pos) != '{') {
            throw new Invalid("a `\\u` escape must be written `\\u{...}`");
        }
        pos++;
        if (pos < text.length() && text.charAt(pos) == '_') {
            throw new Invalid("a `\\u{...}` escape cannot start with `_`");
        }
        int digits = 0;
        int value = 0;
        while (true) {
            if (pos >= text.length()) {
                throw new Invalid("a `\\u{...}` escape is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '}') {
                break;
            }
            if (c == '_') {
                continue;
            }
            int d = hexDigit(c);
            if (d < 0) {
                throw new Invalid(c == '"' ? "a `\\u{...}` escape is not closed"
                        : "`" + c + "` is not a hex digit in a `\\u{...}` escape");
            }
            digits++;
            if (digits > 6) {
                throw new Invalid("a `\\u{...}` escape has more than six hex digits");
            }
            value = value * 16 + d;
        }
        if (digits == 0) {
            throw new Invalid("a `\\u{...}` escape needs at least one hex digit");
        }
        if (value > 0x10ffff) {
            throw new Invalid("`\\u{" + Integer.toHexString(value) + "}` is beyond the last unicode character");
        }
        if (value >= 0xd800 && value <= 0xdfff) {
            throw new Invalid("`\\u{" + Integer.toHexString(value) + "}` is a surrogate, not a unicode character");
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Skips white space (Unicode White_Space, as the reference lexer's {@code \s}) and line comments. */
    private void skipSpace() {
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (isWhiteSpace(cp)) {
                pos += Character.charCount(cp);
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0x85 || cp == 0xa0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f
                || cp == 0x205f || cp == 0x3000;
    }

    private String describeNext() {
        return "`" + new String(Character.toChars(text.codePointAt(pos))) + "`";
    }
}
