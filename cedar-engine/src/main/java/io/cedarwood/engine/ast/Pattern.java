package io.cedarwood.engine.ast;

import java.util.List;
import java.util.Objects;

/**
 * A {@code like} pattern: a sequence of literal text and {@code *} wildcards. Literal text is matched
 * code point by code point; a wildcard matches any sequence of code points, including none.
 */
public record Pattern(List<Element> elements) {
    public Pattern {
        elements = List.copyOf(elements);
    }

    /** One piece of a pattern. */
    public sealed interface Element {
    }

    /** {@code *}: any sequence of code points. */
    public record Wildcard() implements Element {
    }

    /** Literal text (never empty). */
    public record Text(String text) implements Element {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
