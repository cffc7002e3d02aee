package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.Names;

import java.util.Set;

/** String literals and identifiers of the human schema format. */
final class SchemaStrings {
    /** Words that are identifiers in shape but cannot be used as one (they can be quoted attribute names). */
    static final Set<String> RESERVED_WORDS = Set.of("true", "false", "if", "then", "else", "in", "is", "like", "has");

    private SchemaStrings() {
    }

    /** Whether {@code s} can be written bare where the grammar wants an identifier. */
    static boolean isBareIdentifier(String s) {
        return Names.isIdentifierShaped(s) && !RESERVED_WORDS.contains(s);
    }

    /** Thrown by {@link #unescape} with the offset (in the literal's body) of the bad escape. */
    static final class BadEscape extends Exception {
        final int offset;
        final int length;

        BadEscape(String message, int offset, int length) {
            super(message, null, false, false);
            this.offset = offset;
            this.length = length;
        }
    }

    /**
     * The value of a string literal's body (the text between the quotes), following the reference's
     * escapes: {@code \n \r \t \\ \0 \' \"}, {@code \xNN} (at most {@code 7f}) and <code>&#92;u{N...}</code> (one
     * to six hex digits, underscores after the first allowed, not a surrogate, at most {@code 10ffff}).
     */
    static String unescape(String body) throws BadEscape {
        if (body.indexOf('\\') < 0 && body.indexOf('\r') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\r') {
                throw new BadEscape("bare carriage return in string literal", i, 1);
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new BadEscape("lone backslash at the end of a string literal", i, 1);
            }
            char e = body.charAt(i + 1);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case '0' -> out.append('\0');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'x' -> {
                    if (i + 4 > body.length() || hex(body.charAt(i + 2)) < 0 || hex(body.charAt(i + 3)) < 0) {
                        throw new BadEscape("invalid escape `\\x`: expected two hex digits", i, Math.min(4, body.length() - i));
                    }
                    int v = hex(body.charAt(i + 2)) * 16 + hex(body.charAt(i + 3));
                    if (v > 0x7f) {
                        throw new BadEscape("invalid escape `" + body.substring(i, i + 4) + "`: must be at most `\\x7f`", i, 4);
                    }
                    out.append((char) v);
                    i += 4;
                    continue;
                }
                case 'u' -> {
                    i = unicodeEscape(body, i, out);
                    continue;
                }
                default -> {
                    int len = Character.charCount(body.codePointAt(i + 1)) + 1;
                    throw new BadEscape("invalid escape `" + body.substring(i, i + len) + "`", i, len);
                }
            }
            i += 2;
        }
        return out.toString();
    }

    private static int unicodeEscape(String body, int start, StringBuilder out) throws BadEscape {
        int i = start + 2;
        if (i >= body.length() || body.charAt(i) != '{') {
            throw new BadEscape("invalid escape: expected `{` after `\\" + "u`", start, 2);
        }
        i++;
        int value = 0;
        int digits = 0;
        while (true) {
            if (i >= body.length()) {
                throw new BadEscape("unterminated unicode escape", start, i - start);
            }
            char c = body.charAt(i);
            if (c == '}') {
                break;
            }
            if (c == '_') {
                if (digits == 0) {
                    throw new BadEscape("invalid unicode escape: leading `_`", start, i - start + 1);
                }
            } else if (hex(c) >= 0) {
                digits++;
                if (digits > 6) {
                    throw new BadEscape("invalid unicode escape: more than six hex digits", start, i - start + 1);
                }
                value = value * 16 + hex(c);
            } else {
                throw new BadEscape("invalid character in unicode escape", start, i - start + 1);
            }
            i++;
        }
        if (digits == 0) {
            throw new BadEscape("empty unicode escape", start, i - start + 1);
        }
        if (value > 0x10ffff) {
            throw new BadEscape("invalid unicode escape: out of range", start, i - start + 1);
        }
        if (value >= 0xd800 && value <= 0xdfff) {
            throw new BadEscape("invalid unicode escape: a surrogate", start, i - start + 1);
        }
        out.appendCodePoint(value);
        return i + 1;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
