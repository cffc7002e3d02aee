package io.cedarwood.engine.ast;

import java.util.IdentityHashMap;

/**
 * Where each node of a parsed tree came from. Kept beside the tree and keyed by node identity, so that
 * trees stay plain values. Empty for trees that were not parsed from text.
 */
public final class SourceSpans {
    public static final SourceSpans NONE = new SourceSpans(new IdentityHashMap<>());

    private final IdentityHashMap<Object, SourceSpan> spans;

    private SourceSpans(IdentityHashMap<Object, SourceSpan> spans) {
        this.spans = spans;
    }

    /** The span of {@code node} (an {@link Expr} or a scope constraint), or {@code null} when unknown. */
    public SourceSpan spanOf(Object node) {
        return spans.get(node);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects spans while a tree is built; not thread-safe, used by one parser at a time. */
    public static final class Builder {
        private final IdentityHashMap<Object, SourceSpan> spans = new IdentityHashMap<>();

        public <T> T put(T node, SourceSpan span) {
            spans.put(node, span);
            return node;
        }

        public SourceSpans build() {
            return spans.isEmpty() ? NONE : new SourceSpans(new IdentityHashMap<>(spans));
        }
    }
}
