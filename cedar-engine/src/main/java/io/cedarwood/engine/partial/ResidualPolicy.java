package io.cedarwood.engine.partial;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.value.BoolValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is left of one policy after partial evaluation: its id, effect and annotations, and the
 * {@code condition} that decides, for a completion of the unknowns, whether it is satisfied (as the whole
 * policy would be: {@code true}, {@code false} or an error). The condition is an ordinary {@link Expr} over
 * the request variables and entity literals, to be walked with an
 * {@link io.cedarwood.engine.ast.ExprVisitor}; {@link #toPolicy()} gives it as a policy,
 * {@code permit (principal, action, resource) when { condition };}, for the Cedar and JSON printers.
 */
public record ResidualPolicy(PolicyId id, Effect effect, Expr condition, Map<String, String> annotations) {
    public ResidualPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(condition, "condition");
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** Whether the condition is the literal {@code true}: satisfied for every completion. */
    public boolean isTrue() {
        return condition.equals(new Expr.Literal(BoolValue.TRUE));
    }

    /** Whether the condition is the literal {@code false}: satisfied for no completion. */
    public boolean isFalse() {
        return condition.equals(new Expr.Literal(BoolValue.FALSE));
    }

    /** The residual as a static policy with an unconstrained scope and the condition as its one {@code when}. */
    public Policy toPolicy() {
        return Policy.builder(id, effect).annotations(annotations)
                .conditions(List.of(new Condition(Condition.Kind.WHEN, condition))).build();
    }

    /** The residual as Cedar text. */
    public String toCedar() {
        return toPolicy().toCedar();
    }
}
