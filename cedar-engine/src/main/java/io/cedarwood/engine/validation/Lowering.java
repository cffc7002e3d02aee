package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.ast.SourceSpans;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a policy into the one condition the reference typechecks:
 * {@code principalScope && (actionScope && (resourceScope && body))}, where the body is the right fold of
 * the {@code when} conditions and the negated {@code unless} conditions ({@code true} when there are none).
 */
final class Lowering {
    private final SourceSpans sourceSpans;
    private final Map<Node, SourceSpan> spans = new IdentityHashMap<>();

    private Lowering(SourceSpans sourceSpans) {
        this.sourceSpans = sourceSpans;
    }

    /** A lowered policy: its whole condition and where each node came from. */
    record Lowered(Node condition, Map<Node, SourceSpan> spans, SourceSpan policySpan) {
        SourceSpan spanOf(Node node) {
            SourceSpan span = spans.get(node);
            return span != null ? span : policySpan;
        }
    }

    /** The policy's condition (a policy is at most {@code Expr.MAX_DEPTH} deep, so this recursion is bounded). */
    static Lowered lower(Policy policy) {
        Lowering l = new Lowering(policy.sourceSpans());
        SourceSpan policySpan = policySpan(policy);
        Node body = null;
        List<Condition> conditions = policy.conditions();
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Condition c = conditions.get(i);
            SourceSpan span = policy.sourceSpans().spanOf(c);
            Node n = l.lower(c.body());
            if (c.kind() == Condition.Kind.UNLESS) {
                n = l.put(new Node.Unary(UnaryOp.NOT, n), span);
            }
            body = body == null ? n : l.put(new Node.And(n, body), policySpan);
        }
        if (body == null) {
            body = l.put(new Node.Lit(BoolValue.TRUE), policySpan);
        }
        Node resource = l.scope(Variable.RESOURCE, policy.resource());
        Node action = l.action(policy.action());
        Node principal = l.scope(Variable.PRINCIPAL, policy.principal());
        Node condition = l.put(new Node.And(principal,
                l.put(new Node.And(action, l.put(new Node.And(resource, body), policySpan)), policySpan)), policySpan);
        return new Lowered(condition, l.spans, policySpan);
    }

    /**
     * The best span for the whole policy: from the first to the last span recorded for its scope and
     * conditions, {@code null} when the policy was not parsed.
     */
    static SourceSpan policySpan(Policy policy) {
        SourceSpans s = policy.sourceSpans();
        List<Object> parts = new ArrayList<>(List.of(policy.principal(), policy.action(), policy.resource()));
        parts.addAll(policy.conditions());
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (Object part : parts) {
            SourceSpan span = s.spanOf(part);
            if (span != null) {
                start = Math.min(start, span.start());
                end = Math.max(end, span.end());
            }
        }
        return end < 0 ? null : new SourceSpan(start, end);
    }

    private Node scope(Variable variable, ScopeConstraint constraint) {
        SourceSpan span = sourceSpans.spanOf(constraint);
        Node var = put(new Node.Var(variable), span);
        if (constraint instanceof ScopeConstraint.Any) {
            return put(new Node.Lit(BoolValue.TRUE), span);
        } else if (constraint instanceof ScopeConstraint.Eq eq) {
            return put(new Node.Binary(BinaryOp.EQ, var, reference(eq.ref(), span)), span);
        } else if (constraint instanceof ScopeConstraint.In in) {
            return put(new Node.Binary(BinaryOp.IN, var, reference(in.ref(), span)), span);
        } else if (constraint instanceof ScopeConstraint.Is is) {
            return put(new Node.Is(var, is.entityType()), span);
        } else {
            ScopeConstraint.IsIn isIn = (ScopeConstraint.IsIn) constraint;
            Node is = put(new Node.Is(var, isIn.entityType()), span);
            Node in = put(new Node.Binary(BinaryOp.IN, put(new Node.Var(variable), span), reference(isIn.ref(), span)), span);
            return put(new Node.And(is, in), span);
        }
    }

    private Node reference(EntityReference ref, SourceSpan span) {
        if (ref instanceof EntityReference.Uid uid) {
            return put(new Node.Lit(uid.uid()), span);
        }
        return put(new Node.Slot(((EntityReference.Slot) ref).slot()), span);
    }

    private Node action(ActionConstraint constraint) {
        SourceSpan span = sourceSpans.spanOf(constraint);
        if (constraint instanceof ActionConstraint.Any) {
            return put(new Node.Lit(BoolValue.TRUE), span);
        }
        Node var = put(new Node.Var(Variable.ACTION), span);
        if (constraint instanceof ActionConstraint.Eq eq) {
            return put(new Node.Binary(BinaryOp.EQ, var, put(new Node.Lit(eq.uid()), span)), span);
        }
        List<Node> uids = new ArrayList<>();
        for (EntityUid uid : ((ActionConstraint.In) constraint).uids()) {
            uids.add(put(new Node.Lit(uid), span));
        }
        return put(new Node.Binary(BinaryOp.IN, var, put(new Node.SetLit(uids), span)), span);
    }

    private Node lower(Expr e) {
        SourceSpan span = sourceSpans.spanOf(e);
        Node n;
        if (e instanceof Expr.Literal lit) {
            n = new Node.Lit(lit.value());
        } else if (e instanceof Expr.Var v) {
            n = new Node.Var(v.variable());
        } else if (e instanceof Expr.If i) {
            n = new Node.If(lower(i.condition()), lower(i.thenExpr()), lower(i.elseExpr()));
        } else if (e instanceof Expr.And a) {
            Node left = lower(a.left());
            Node right = lower(a.right());
            Boolean folded = bothBoolLiterals(left, right) ? literal(left) && literal(right) : null;
            n = folded != null ? new Node.Lit(BoolValue.of(folded)) : new Node.And(left, right);
        } else if (e instanceof Expr.Or o) {
            Node left = lower(o.left());
            Node right = lower(o.right());
            Boolean folded = bothBoolLiterals(left, right) ? literal(left) || literal(right) : null;
            n = folded != null ? new Node.Lit(BoolValue.of(folded)) : new Node.Or(left, right);
        } else if (e instanceof Expr.Unary u) {
            n = new Node.Unary(u.op(), lower(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            Node left = lower(b.left());
            Node right = lower(b.right());
            n = switch (b.op()) {
                case NOT_EQ -> new Node.Unary(UnaryOp.NOT, put(new Node.Binary(BinaryOp.EQ, left, right), span));
                case GREATER -> new Node.Unary(UnaryOp.NOT, put(new Node.Binary(BinaryOp.LESS_EQ, left, right), span));
                case GREATER_EQ -> new Node.Unary(UnaryOp.NOT, put(new Node.Binary(BinaryOp.LESS, left, right), span));
                default -> new Node.Binary(b.op(), left, right);
            };
        } else if (e instanceof Expr.GetAttr g) {
            n = new Node.GetAttr(lower(g.target()), g.attribute());
        } else if (e instanceof Expr.HasAttr h) {
            n = new Node.HasAttr(lower(h.target()), h.attribute());
        } else if (e instanceof Expr.Like l) {
            n = new Node.Like(lower(l.target()), l.pattern());
        } else if (e instanceof Expr.Is i) {
            n = new Node.Is(lower(i.target()), i.entityType());
        } else if (e instanceof Expr.SetLit s) {
            List<Node> elements = new ArrayList<>(s.elements().size());
            for (Expr element : s.elements()) {
                elements.add(lower(element));
            }
            n = new Node.SetLit(elements);
        } else if (e instanceof Expr.RecordLit r) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Expr> f : r.fields().entrySet()) {
                fields.put(f.getKey(), lower(f.getValue()));
            }
            n = new Node.RecordLit(fields);
        } else {
            Expr.ExtensionCall c = (Expr.ExtensionCall) e;
            List<Node> arguments = new ArrayList<>(c.arguments().size());
            for (Expr argument : c.arguments()) {
                arguments.add(lower(argument));
            }
            n = new Node.Call(c.function(), arguments);
        }
        return put(n, span);
    }

    /*
     * The reference builds `&&` and `||` of two boolean literals as the literal they evaluate to (its AST
     * builder folds them, from text and from JSON alike), and the typechecker looks at literals: `0 == (false
     * && true)` compares two literals there, which strict validation allows, where `0 == !true` is an error.
     * So the lowering folds them too; evaluation is not affected (such an expression cannot fail).
     */
    private static boolean bothBoolLiterals(Node left, Node right) {
        return left instanceof Node.Lit l && l.value() instanceof BoolValue
                && right instanceof Node.Lit r && r.value() instanceof BoolValue;
    }

    private static boolean literal(Node boolLiteral) {
        return ((BoolValue) ((Node.Lit) boolLiteral).value()).value();
    }

    private Node put(Node n, SourceSpan span) {
        if (span != null) {
            spans.put(n, span);
        }
        return n;
    }


}
