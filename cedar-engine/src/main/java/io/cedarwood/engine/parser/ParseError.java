package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.SourceSpan;

import java.util.Objects;

/**
 * One problem found while parsing Cedar text: what is wrong, where (a span of the source text, may be
 * {@code null} when it concerns the whole input) and optionally how to fix it.
 */
public record ParseError(String message, SourceSpan span, String help) {
    public ParseError {
        Objects.requireNonNull(message, "message");
    }

    public ParseError(String message, SourceSpan span) {
        this(message, span, null);
    }
}
