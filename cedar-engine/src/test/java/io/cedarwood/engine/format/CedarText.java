package io.cedarwood.engine.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small Cedar lexer for the tests, independent of the engine's: the tokens and the comments of a text,
 * and a way to sprinkle comments between tokens.
 */
final class CedarText {
    private static final List<String> TWO_CHAR_OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "::");

    /** A token or a comment, with where it is in the text. */
    record Piece(String text, int start, int end, boolean comment) {
    }

    private CedarText() {
    }

    static List<Piece> lex(String s) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j;
            boolean comment = false;
            if (isWhiteSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
                continue;
            } else if (s.startsWith("//", i)) {
                j = i;
                while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                    j++;
                }
                comment = true;
            } else if (c == '"') {
                j = i + 1;
                while (s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j++;
            } else if (isWordChar(c) || c == '?') {
                j = i + 1;
                while (j < s.length() && isWordChar(s.charAt(j))) {
                    j++;
                }
            } else if (i + 1 < s.length() && TWO_CHAR_OPERATORS.contains(s.substring(i, i + 2))) {
                j = i + 2;
            } else {
                j = i + 1;
            }
            pieces.add(new Piece(s.substring(i, j), i, j, comment));
            i = j;
        }
        return pieces;
    }

    /** The tokens, comments left out. */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        for (Piece p : lex(s)) {
            if (!p.comment()) {
                tokens.add(p.text());
            }
        }
        return tokens;
    }

    /** The tokens without trailing commas (a comma right before a closing bracket). */
    static List<String> tokensWithoutTrailingCommas(String s) {
        List<String> tokens = tokens(s);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            boolean trailingComma = tokens.get(i).equals(",") && i + 1 < tokens.size()
                    && List.of(")", "]", "}").contains(tokens.get(i + 1));
            if (!trailingComma) {
                kept.add(tokens.get(i));
            }
        }
        return kept;
    }

    /** The comments, without trailing white space, in order. */
    static List<String> comments(String s) {
        List<String> comments = new ArrayList<>();
        for (Piece p : lex(s)) {
            if (p.comment()) {
                comments.add(p.text().stripTrailing());
            }
        }
        return comments;
    }

    /**
     * {@code s} with numbered comments between tokens, before the first and after the last: some on the
     * line of the token before, some on lines of their own.
     */
    static String withComments(String s, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        int from = 0;
        int n = 0;
        for (Piece p : lex(s)) {
            out.append(s, from, p.start());
            if (random.nextInt(3) == 0) {
                out.append(random.nextBoolean() ? " // c" + n++ + "\n" : "\n// c" + n++ + "\n");
            }
            out.append(p.text());
            from = p.end();
        }
        out.append(s.substring(from));
        if (random.nextBoolean()) {
            out.append(" // end").append(n);
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWhiteSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
