package io.cedarwood.engine.ast;

import java.util.IdentityHashMap;
import java.util.Optional;

/**
 * Where each node of a parsed tree came from. Kept beside the tree and keyed by node identity, so that
 * trees stay plain values. Empty for trees that were not parsed from text.
 */
public final class SourceSpans {
    public static final SourceSpans NONE = new SourceSpans(new IdentityHashMap<>(), null);

    private final IdentityHashMap<Object, SourceSpan> spans;
    private final SourceSpan whole;

    private SourceSpans(IdentityHashMap<Object, SourceSpan> spans, SourceSpan whole) {
        this.spans = spans;
        this.whole = whole;
    }

    /** The span of the whole tree (for a policy: from its annotations to its {@code ;}), if recorded. */
    public Optional<SourceSpan> whole() {
        return Optional.ofNullable(whole);
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
        private SourceSpan whole;

        public <T> T put(T node, SourceSpan span) {
            spans.put(node, span);
            return node;
        }

        public Builder whole(SourceSpan span) {
            this.whole = span;
            return this;
        }

        public SourceSpans build() {
            return spans.isEmpty() && whole == null ? NONE : new SourceSpans(new IdentityHashMap<>(spans), whole);
        }
    }
}
