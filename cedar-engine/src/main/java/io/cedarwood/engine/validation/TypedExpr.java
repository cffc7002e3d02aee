package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import java.util.List;

/**
 * A node with the type the typechecker gave it ({@code null} when it could not give one) and its typed
 * subexpressions, as the reference builds them: a short-circuited {@code false && e} is just its typed
 * left operand, an {@code if} whose condition is always true has its typed {@code then} branch in both
 * branch positions. Level validation walks these trees.
 */
record TypedExpr(Expr node, Type type, List<TypedExpr> children) {
    TypedExpr {
        children = List.copyOf(children);
    }

    static TypedExpr of(Expr node, Type type, TypedExpr... children) {
        return new TypedExpr(node, type, List.of(children));
    }

    TypedExpr withType(Type t) {
        return new TypedExpr(node, t, children);
    }

    TypedExpr child(int i) {
        return children.get(i);
    }
}
