package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.PolicyId;

import java.util.Objects;

/** The resources for which one policy is satisfied (its condition is {@code true}, without an error). */
public record PolicyFilter(PolicyId id, Effect effect, Filter satisfied) {
    public PolicyFilter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(satisfied, "satisfied");
    }
}
