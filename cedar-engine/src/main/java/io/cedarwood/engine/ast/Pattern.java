package io.cedarwood.engine.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code like} pattern: a sequence of literal text and {@code *} wildcards. Literal text is matched
 * code point by code point; a wildcard matches any sequence of code points, including none.
 *
 * <p>Kept in one canonical form so that equal patterns are equal records however they were built:
 * adjacent pieces of text are merged and empty text is dropped.
 */
public record Pattern(List<Element> elements) {
    public Pattern {
        List<Element> canonical = new ArrayList<>(elements.size());
        for (Element e : elements) {
            Objects.requireNonNull(e, "element");
            if (e instanceof Text t) {
                if (t.text().isEmpty()) {
                    continue;
                }
                if (!canonical.isEmpty() && canonical.get(canonical.size() - 1) instanceof Text prev) {
                    canonical.set(canonical.size() - 1, new Text(prev.text() + t.text()));
                    continue;
                }
            }
            canonical.add(e);
        }
        elements = List.copyOf(canonical);
    }

    /** One piece of a pattern. */
    public sealed interface Element {
    }

    /** {@code *}: any sequence of code points. */
    public record Wildcard() implements Element {
    }

    /** Literal text; {@link Pattern} drops empty text and merges adjacent text. */
    public record Text(String text) implements Element {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
