package io.cedarwood.engine.value;

/** Writing strings as Cedar string literals. */
public final class CedarStrings {
    private CedarStrings() {
    }

    /** {@code s} as a double-quoted Cedar string literal, escaped so that the parser reads back {@code s}. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append('"');
        escapeInto(s, out);
        return out.append('"').toString();
    }

    /** Appends {@code s} escaped for use inside a Cedar string literal (quotes not included). */
    public static void escapeInto(String s, StringBuilder out) {
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(cp) || !Character.isDefined(cp)
                            || Character.getType(cp) == Character.FORMAT
                            || Character.getType(cp) == Character.LINE_SEPARATOR
                            || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                            || Character.getType(cp) == Character.PRIVATE_USE) {
                        out.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
    }

    /** How much of a long input a message quotes. */
    private static final int QUOTED_PREFIX = 40;

    /**
     * {@code s} itself when short, else its first 40 characters, {@code ...} and its length, so that an
     * error message about a huge input stays small.
     */
    public static String shorten(String s) {
        if (s.length() <= QUOTED_PREFIX) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(QUOTED_PREFIX - 1)) ? QUOTED_PREFIX - 1 : QUOTED_PREFIX;
        return s.substring(0, end) + "... (" + s.length() + " characters)";
    }
}
