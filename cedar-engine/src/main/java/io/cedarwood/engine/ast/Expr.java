package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.Value;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Cedar expression: the immutable AST of a policy condition. Records compare structurally; source
 * locations are kept beside the tree (see {@link SourceSpans}), never in it, so that a parsed policy equals
 * the same policy built by hand or read from JSON.
 *
 * <p>Surface operators are kept as written ({@code !=}, {@code >}, {@code >=} are operators of their own)
 * so that printing gives back what was parsed; {@code e has a.b} is kept as the reference desugars it,
 * {@code e has a && e.a has b}.
 */
public sealed interface Expr {
    /**
     * The deepest expression the engine takes in (a leaf is 1 deep), and the deepest a policy's
     * {@link Policy#toExpr()} may be. It is checked once, without recursion, where expressions enter: the
     * parser, the JSON readers (through {@link Policy.Builder#build()}), the builder and
     * {@code Evaluator.evaluate}; so the evaluator, the compiled policies and the validator recurse at most
     * this deep, which fits in a small thread stack. The same number as {@link Value#MAX_DEPTH}: one limit.
     * See {@code docs/limits.md}.
     */
    int MAX_DEPTH = Value.MAX_DEPTH;

    <R> R accept(ExprVisitor<R> visitor);

    /** This expression as Cedar text, as it would stand in a policy's condition. */
    default String toCedar() {
        return PolicyPrinter.print(this);
    }

    /**
     * The depth of this tree (a leaf is 1), computed without recursion so that any tree can be measured;
     * counting stops as soon as it passes {@code limit}, so the result is then some number above it.
     */
    default int depthUpTo(int limit) {
        record Item(Expr e, int depth) {
        }
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(this, 1));
        int max = 0;
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            max = Math.max(max, item.depth());
            if (max > limit) {
                return max;
            }
            for (Expr child : item.e().children()) {
                stack.push(new Item(child, item.depth() + 1));
            }
        }
        return max;
    }

    /** The direct sub-expressions, in evaluation order of appearance (record fields in source order). */
    default List<Expr> children() {
        if (this instanceof If i) {
            return List.of(i.condition(), i.thenExpr(), i.elseExpr());
        } else if (this instanceof And a) {
            return List.of(a.left(), a.right());
        } else if (this instanceof Or o) {
            return List.of(o.left(), o.right());
        } else if (this instanceof Unary u) {
            return List.of(u.operand());
        } else if (this instanceof Binary b) {
            return List.of(b.left(), b.right());
        } else if (this instanceof GetAttr g) {
            return List.of(g.target());
        } else if (this instanceof HasAttr h) {
            return List.of(h.target());
        } else if (this instanceof Like l) {
            return List.of(l.target());
        } else if (this instanceof Is i) {
            return List.of(i.target());
        } else if (this instanceof SetLit s) {
            return s.elements();
        } else if (this instanceof RecordLit r) {
            return List.copyOf(r.fields().values());
        } else if (this instanceof ExtensionCall c) {
            return c.arguments();
        }
        return List.of();
    }

    /** A literal: a {@code bool}, {@code long}, {@code string} or entity uid value. */
    record Literal(Value value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitLiteral(this);
        }
    }

    /** One of the four request variables. */
    record Var(Variable variable) implements Expr {
        public Var {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitVar(this);
        }
    }

    /**
     * A template slot, {@code ?principal} or {@code ?resource}: found only in the {@link Policy#toExpr()} of a
     * template (no condition may mention a slot), and filled by linking. Evaluating one is an
     * {@code UNLINKED_SLOT} error; the validator types it as the entity types the slot may be linked to.
     */
    record Slot(SlotId slot) implements Expr {
        public Slot {
            Objects.requireNonNull(slot, "slot");
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitSlot(this);
        }
    }

    /** {@code if condition then thenExpr else elseExpr}. */
    record If(Expr condition, Expr thenExpr, Expr elseExpr) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitIf(this);
        }
    }

    /** {@code left && right}, short-circuiting. */
    record And(Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** {@code left || right}, short-circuiting. */
    record Or(Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** A one-operand operator: {@code !e}, {@code -e}, {@code e.isEmpty()}. */
    record Unary(UnaryOp op, Expr operand) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitUnary(this);
        }
    }

    /** A two-operand operator or built-in method: {@code a == b}, {@code a.contains(b)}, {@code a.getTag(b)}. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitBinary(this);
        }
    }

    /** {@code target.attribute} or {@code target["attribute"]}. */
    record GetAttr(Expr target, String attribute) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitGetAttr(this);
        }
    }

    /** {@code target has attribute} (one attribute; {@code has a.b} is desugared into a conjunction). */
    record HasAttr(Expr target, String attribute) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitHasAttr(this);
        }
    }

    /** {@code target like "pattern"}. */
    record Like(Expr target, Pattern pattern) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitLike(this);
        }
    }

    /** {@code target is EntityType}; {@code target is T in e} is {@code Is && Binary(IN)}. */
    record Is(Expr target, EntityType entityType) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitIs(this);
        }
    }

    /** A set literal {@code [a, b, c]}. */
    record SetLit(List<Expr> elements) implements Expr {
        public SetLit {
            elements = List.copyOf(elements);
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitSetLit(this);
        }
    }

    /** A record literal {@code {a: 1, "b": 2}}, fields in source order, no duplicate names. */
    record RecordLit(Map<String, Expr> fields) implements Expr {
        public RecordLit {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitRecordLit(this);
        }
    }

    /**
     * A call of an extension function: a constructor such as {@code ip("10.0.0.1")} or a method such as
     * {@code a.lessThan(b)}, whose receiver is the first argument.
     */
    record ExtensionCall(String function, List<Expr> arguments) implements Expr {
        public ExtensionCall {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }

        @Override
        public <R> R accept(ExprVisitor<R> visitor) {
            return visitor.visitExtensionCall(this);
        }
    }
}
