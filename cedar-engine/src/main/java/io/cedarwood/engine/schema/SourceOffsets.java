package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR counts code points; {@link SourceSpan}s count {@code char}s. Converts between the two (the
 * identity unless the text has characters outside the basic multilingual plane).
 */
final class SourceOffsets {
    private final String text;
    private final int[] charIndexOfCodePoint;

    SourceOffsets(String text) {
        this.text = text;
        int cps = text.codePointCount(0, text.length());
        if (cps == text.length()) {
            charIndexOfCodePoint = null;
        } else {
            charIndexOfCodePoint = new int[cps + 1];
            int c = 0;
            for (int cp = 0; cp < cps; cp++) {
                charIndexOfCodePoint[cp] = c;
                c += Character.charCount(text.codePointAt(c));
            }
            charIndexOfCodePoint[cps] = text.length();
        }
    }

    int charIndex(int codePointIndex) {
        if (charIndexOfCodePoint == null) {
            return Math.min(codePointIndex, text.length());
        }
        return charIndexOfCodePoint[Math.min(codePointIndex, charIndexOfCodePoint.length - 1)];
    }

    SourceSpan span(Token token) {
        int start = charIndex(token.getStartIndex());
        return new SourceSpan(start, Math.max(start, charIndex(token.getStopIndex() + 1)));
    }

    SourceSpan span(Token first, Token last) {
        int start = charIndex(first.getStartIndex());
        return new SourceSpan(start, Math.max(start, charIndex(last.getStopIndex() + 1)));
    }

    SourceSpan span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getStopIndex() < ctx.getStart().getStartIndex()
                ? ctx.getStart() : ctx.getStop();
        return span(ctx.getStart(), stop);
    }

    SourceSpan endSpan() {
        return new SourceSpan(text.length(), text.length());
    }
}
