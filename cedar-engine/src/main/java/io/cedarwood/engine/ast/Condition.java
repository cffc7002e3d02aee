package io.cedarwood.engine.ast;

import java.util.Objects;

/** A {@code when} or {@code unless} clause. */
public record Condition(Kind kind, Expr body) {
    public Condition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }

    public enum Kind {
        WHEN, UNLESS;

        public String cedarName() {
            return this == WHEN ? "when" : "unless";
        }
    }
}
