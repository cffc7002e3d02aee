package io.cedarwood.engine.ast;

/** A range of source text: character offsets {@code [start, end)} into the text that was parsed. */
public record SourceSpan(int start, int end) {
    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
