package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.ast.SourceSpans;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expression the validator typechecks, a policy's {@link Policy#toExpr()} (slots included, for a
 * template), with where each of its nodes came from: a node of a condition has its own span when it was
 * parsed, a node of a scope constraint has that constraint's, the {@code !} of an {@code unless} has the
 * condition's, and every other node the whole policy's.
 */
record PolicyExpr(Expr condition, Map<Expr, SourceSpan> spans, SourceSpan policySpan) {

    static PolicyExpr of(Policy policy) {
        Expr condition = policy.toExpr();
        SourceSpans sourceSpans = policy.sourceSpans();
        Map<Expr, SourceSpan> spans = new IdentityHashMap<>();
        // toExpr() is principal && (action && (resource && conditions)), conditions the right fold of
        // the when bodies and the negated unless bodies ending in `true`: walk that shape
        Expr.And top = (Expr.And) condition;
        Expr.And afterPrincipal = (Expr.And) top.right();
        Expr.And afterAction = (Expr.And) afterPrincipal.right();
        putAll(top.left(), sourceSpans.spanOf(policy.principal()), spans);
        putAll(afterPrincipal.left(), sourceSpans.spanOf(policy.action()), spans);
        putAll(afterAction.left(), sourceSpans.spanOf(policy.resource()), spans);
        Expr rest = afterAction.right();
        for (Condition c : policy.conditions()) {
            Expr.And and = (Expr.And) rest;
            if (c.kind() == Condition.Kind.UNLESS) {
                putIfKnown(and.left(), sourceSpans.spanOf(c), spans);
            }
            putParsed(c.body(), sourceSpans, spans);
            rest = and.right();
        }
        return new PolicyExpr(condition, spans, policySpan(policy));
    }

    /** Where {@code node} came from: its own span, else the policy's ({@code null} when not parsed). */
    SourceSpan spanOf(Expr node) {
        SourceSpan span = spans.get(node);
        return span != null ? span : policySpan;
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

    /** Gives every node of a scope's expression the constraint's span. */
    private static void putAll(Expr scope, SourceSpan span, Map<Expr, SourceSpan> spans) {
        if (span == null) {
            return;
        }
        List<Expr> stack = new ArrayList<>(List.of(scope));
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            spans.put(e, span);
            stack.addAll(e.children());
        }
    }

    /** Gives every node of a condition the span the parser recorded for it, if any. */
    private static void putParsed(Expr body, SourceSpans sourceSpans, Map<Expr, SourceSpan> spans) {
        List<Expr> stack = new ArrayList<>(List.of(body));
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            putIfKnown(e, sourceSpans.spanOf(e), spans);
            stack.addAll(e.children());
        }
    }

    private static void putIfKnown(Expr e, SourceSpan span, Map<Expr, SourceSpan> spans) {
        if (span != null) {
            spans.put(e, span);
        }
    }
}
