package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Level validation (RFC 76): a policy may read attributes and tags, and test membership, only through
 * chains of at most {@code maxLevel} entity dereferences starting at a request variable. Entity literals
 * (other than the environment's action) cannot be dereferenced at all. Walks the typed trees the
 * typechecker built, as the reference does.
 */
final class LevelChecker {
    private final int maxLevel;
    private final Problems problems;
    private final PolicyExpr policy;
    private final Collection<ValidationError> errors;
    private RequestEnv env;

    LevelChecker(int maxLevel, Problems problems, PolicyExpr policy, Collection<ValidationError> errors) {
        this.maxLevel = maxLevel;
        this.problems = problems;
        this.policy = policy;
        this.errors = errors;
    }

    void check(TypedExpr e, RequestEnv env) {
        this.env = env;
        checkExpr(e);
    }

    /** The number of dereferences that produced the entity {@code e} evaluates to. */
    private int targetLevel(TypedExpr e, List<String> accessPath) {
        Expr n = e.node();
        if (n instanceof Expr.Var) {
            return 0;
        } else if (n instanceof Expr.Slot) {
            errors.add(problems.literalDereferenceTarget(policy.spanOf(n)));
            return 0;
        } else if (n instanceof Expr.Literal lit && lit.value() instanceof EntityUid uid) {
            if (!uid.equals(env.action())) {
                errors.add(problems.literalDereferenceTarget(policy.spanOf(n)));
            }
            return 0;
        } else if (n instanceof Expr.If) {
            checkExpr(e.child(0));
            int then = targetLevel(e.child(1), new ArrayList<>(accessPath));
            // a decided `if` has the same typed branch twice: once is enough (and avoids exponential work)
            int otherwise = e.child(2) == e.child(1) ? then : targetLevel(e.child(2), accessPath);
            return Math.max(then, otherwise);
        } else if (n instanceof Expr.GetAttr g) {
            TypedExpr target = e.child(0);
            if (target.type() instanceof Type.EntityLubType) {
                return targetLevel(target, accessPath) + 1;
            } else if (target.type() instanceof Type.RecordType) {
                accessPath.add(g.attribute());
                return targetLevel(target, accessPath);
            }
        } else if (n instanceof Expr.Binary b && b.op() == BinaryOp.GET_TAG) {
            int level = targetLevel(e.child(0), accessPath);
            checkExpr(e.child(1));
            return level + 1;
        } else if (n instanceof Expr.RecordLit r && !accessPath.isEmpty()) {
            String accessed = accessPath.remove(accessPath.size() - 1);
            int i = 0;
            TypedExpr accessedExpr = null;
            for (Map.Entry<String, Expr> f : r.fields().entrySet()) {
                if (f.getKey().equals(accessed)) {
                    accessedExpr = e.child(i);
                } else {
                    checkExpr(e.child(i));
                }
                i++;
            }
            if (accessedExpr != null) {
                return targetLevel(accessedExpr, accessPath);
            }
        }
        errors.add(problems.internalInvariantViolation(policy.spanOf(n)));
        return 0;
    }

    private void checkExpr(TypedExpr e) {
        Expr n = e.node();
        if (n instanceof Expr.Binary b
                && (b.op() == BinaryOp.HAS_TAG || b.op() == BinaryOp.GET_TAG || b.op() == BinaryOp.IN)) {
            checkDereference(n, e.child(0));
            checkExpr(e.child(1));
        } else if (n instanceof Expr.GetAttr || n instanceof Expr.HasAttr) {
            TypedExpr target = e.child(0);
            if (target.type() instanceof Type.EntityLubType) {
                checkDereference(n, target);
            } else if (target.type() instanceof Type.RecordType) {
                checkExpr(target);
            } else {
                errors.add(problems.internalInvariantViolation(policy.spanOf(n)));
            }
        } else {
            TypedExpr previous = null;
            for (TypedExpr child : e.children()) {
                if (child != previous) { // a decided `if` has the same typed branch twice
                    checkExpr(child);
                }
                previous = child;
            }
        }
    }

    private void checkDereference(Expr n, TypedExpr target) {
        int level = targetLevel(target, new ArrayList<>());
        if (level >= maxLevel) {
            errors.add(problems.maximumLevelExceeded(policy.spanOf(n), maxLevel, level + 1));
        }
    }
}
