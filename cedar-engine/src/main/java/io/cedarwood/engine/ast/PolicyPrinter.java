package io.cedarwood.engine.ast;

import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.Names;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Prints policies and expressions as Cedar text that parses back to an equal AST. Parentheses are added
 * only where precedence, associativity or Cedar's rules need them (relations do not chain, at most four
 * {@code !} or {@code -} in a row, {@code -(5)} is not the literal {@code -5}). {@code e has a && e.a has b}
 * is printed as {@code e has a.b} and {@code e is T && e in x} as {@code e is T in x}, as they were most
 * likely written. Layout:
 * <pre>
 * &#64;id("p1")
 * permit(
 *   principal == User::"alice",
 *   action in [Action::"view", Action::"edit"],
 *   resource
 * ) when {
 *   resource.owner == principal
 * };
 * </pre>
 */
final class PolicyPrinter {
    // precedence levels, loosest first, as in Cedar's grammar
    private static final int IF = 0;
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int RELATION = 3;
    private static final int ADD = 4;
    private static final int MULT = 5;
    private static final int UNARY = 6;
    private static final int MEMBER = 7;

    private static final int MAX_UNARY_CHAIN = 4;
    private static final int LONG_LINE = 100;

    private PolicyPrinter() {
    }

    /** The policy (static, template or linked) as Cedar text, ending with {@code ;}. */
    static String print(Policy policy) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> a : policy.annotations().entrySet()) {
            out.append('@').append(a.getKey()).append('(').append(CedarStrings.quote(a.getValue())).append(")\n");
        }
        out.append(policy.effect().cedarName()).append("(\n  ")
                .append(scope("principal", policy.principal())).append(",\n  ")
                .append(action(policy.action())).append(",\n  ")
                .append(scope("resource", policy.resource())).append("\n)");
        for (Condition c : policy.conditions()) {
            out.append(' ').append(c.kind().cedarName()).append(" {\n  ").append(condition(c.body())).append("\n}");
        }
        return out.append(';').toString();
    }

    /** A condition's body; a long chain of {@code &&} (or {@code ||}) gets one operand per line. */
    private static String condition(Expr body) {
        String line = print(body);
        if (line.length() <= LONG_LINE) {
            return line;
        }
        List<Expr> operands = new ArrayList<>();
        String separator;
        if (body instanceof Expr.And a && precedence(a) == AND) {
            separator = " &&\n  ";
            Expr e = body;
            while (e instanceof Expr.And and && precedence(and) == AND) {
                operands.add(and.right());
                e = and.left();
            }
            operands.add(e);
        } else if (body instanceof Expr.Or) {
            separator = " ||\n  ";
            Expr e = body;
            while (e instanceof Expr.Or or) {
                operands.add(or.right());
                e = or.left();
            }
            operands.add(e);
        } else {
            return line;
        }
        Collections.reverse(operands);
        StringBuilder out = new StringBuilder();
        Printer printer = new Printer(out);
        int level = separator.startsWith(" &&") ? RELATION : AND;
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            printer.expr(operands.get(i), level);
        }
        return out.toString();
    }

    /** The expression as Cedar text. */
    static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        new Printer(out).expr(e, IF);
        return out.toString();
    }

    private static String scope(String variable, ScopeConstraint c) {
        if (c instanceof ScopeConstraint.Eq eq) {
            return variable + " == " + ref(eq.ref());
        } else if (c instanceof ScopeConstraint.In in) {
            return variable + " in " + ref(in.ref());
        } else if (c instanceof ScopeConstraint.Is is) {
            return variable + " is " + is.entityType().name();
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return variable + " is " + isIn.entityType().name() + " in " + ref(isIn.ref());
        }
        return variable;
    }

    private static String ref(EntityReference ref) {
        if (ref instanceof EntityReference.Slot s) {
            return s.slot().cedarName();
        }
        return ((EntityReference.Uid) ref).uid().toCedar();
    }

    private static String action(ActionConstraint c) {
        if (c instanceof ActionConstraint.Eq eq) {
            return "action == " + eq.uid().toCedar();
        } else if (c instanceof ActionConstraint.In in) {
            if (in.uids().size() == 1) {
                return "action in " + in.uids().get(0).toCedar();
            }
            List<String> uids = new ArrayList<>();
            for (EntityUid uid : in.uids()) {
                uids.add(uid.toCedar());
            }
            return "action in [" + String.join(", ", uids) + "]";
        }
        return "action";
    }

    /** Writes expressions; {@code expr(e, min)} parenthesizes {@code e} if it binds looser than {@code min}. */
    private static final class Printer {
        private final StringBuilder out;

        Printer(StringBuilder out) {
            this.out = out;
        }

        void expr(Expr e, int min) {
            boolean parens = precedence(e) < min;
            if (parens) {
                out.append('(');
            }
            write(e);
            if (parens) {
                out.append(')');
            }
        }

        private void write(Expr e) {
            if (e instanceof Expr.Literal l) {
                out.append(l.value().toCedar());
            } else if (e instanceof Expr.Var v) {
                out.append(v.variable().cedarName());
            } else if (e instanceof Expr.Slot s) {
                out.append(s.slot().cedarName());
            } else if (e instanceof Expr.If i) {
                // an `if` is parenthesized in the condition and the first branch, for readability
                out.append("if ");
                expr(i.condition(), OR);
                out.append(" then ");
                expr(i.thenExpr(), OR);
                out.append(" else ");
                expr(i.elseExpr(), IF);
            } else if (e instanceof Expr.Or o) {
                expr(o.left(), OR);
                out.append(" || ");
                expr(o.right(), AND);
            } else if (e instanceof Expr.And a) {
                writeAnd(a);
            } else if (e instanceof Expr.Unary u) {
                writeUnary(u);
            } else if (e instanceof Expr.Binary b) {
                writeBinary(b);
            } else if (e instanceof Expr.GetAttr g) {
                expr(g.target(), MEMBER);
                attribute(g.attribute());
            } else if (e instanceof Expr.HasAttr h) {
                expr(h.target(), ADD);
                out.append(" has ");
                out.append(Names.isIdentifier(h.attribute()) ? h.attribute() : CedarStrings.quote(h.attribute()));
            } else if (e instanceof Expr.Like l) {
                expr(l.target(), ADD);
                out.append(" like ");
                pattern(l.pattern());
            } else if (e instanceof Expr.Is i) {
                expr(i.target(), ADD);
                out.append(" is ").append(i.entityType().name());
            } else if (e instanceof Expr.SetLit s) {
                out.append('[');
                list(s.elements());
                out.append(']');
            } else if (e instanceof Expr.RecordLit r) {
                writeRecord(r);
            } else if (e instanceof Expr.ExtensionCall c) {
                writeCall(c);
            }
        }

        private void writeAnd(Expr.And a) {
            HasChain chain = hasChain(a);
            if (chain != null) {
                expr(chain.target, ADD);
                out.append(" has ").append(String.join(".", chain.attributes));
                return;
            }
            if (isInSugar(a)) {
                Expr.Is is = (Expr.Is) a.left();
                expr(is.target(), ADD);
                out.append(" is ").append(is.entityType().name()).append(" in ");
                expr(((Expr.Binary) a.right()).right(), ADD);
                return;
            }
            expr(a.left(), AND);
            out.append(" && ");
            expr(a.right(), RELATION);
        }

        private void writeUnary(Expr.Unary u) {
            if (u.op() == UnaryOp.IS_EMPTY) {
                expr(u.operand(), MEMBER);
                out.append(".isEmpty()");
                return;
            }
            char symbol = u.op() == UnaryOp.NOT ? '!' : '-';
            Expr operand = u;
            int count = 0;
            while (count < MAX_UNARY_CHAIN && operand instanceof Expr.Unary inner && inner.op() == u.op()) {
                out.append(symbol);
                operand = inner.operand();
                count++;
            }
            // `-5` would be read as the literal -5, not as the negation of 5
            boolean literalAfterDash = u.op() == UnaryOp.NEG && operand instanceof Expr.Literal l
                    && l.value() instanceof LongValue;
            if (literalAfterDash) {
                out.append('(');
                write(operand);
                out.append(')');
            } else {
                expr(operand, MEMBER);
            }
        }

        private void writeBinary(Expr.Binary b) {
            BinaryOp op = b.op();
            if (op.isMethod()) {
                expr(b.left(), MEMBER);
                out.append('.').append(op.symbol()).append('(');
                expr(b.right(), IF);
                out.append(')');
                return;
            }
            switch (op) {
                case ADD, SUB -> {
                    expr(b.left(), ADD);
                    out.append(' ').append(op.symbol()).append(' ');
                    expr(b.right(), MULT);
                }
                case MUL -> {
                    expr(b.left(), MULT);
                    out.append(" * ");
                    expr(b.right(), UNARY);
                }
                default -> {
                    expr(b.left(), ADD);
                    out.append(' ').append(op.symbol()).append(' ');
                    expr(b.right(), ADD);
                }
            }
        }

        private void writeRecord(Expr.RecordLit r) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Expr> f : r.fields().entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                String key = f.getKey();
                out.append(Names.isIdentifier(key) ? key : CedarStrings.quote(key)).append(": ");
                expr(f.getValue(), IF);
            }
            out.append('}');
        }

        private void writeCall(Expr.ExtensionCall c) {
            ExtensionFunction f = Extensions.function(c.function());
            List<Expr> args = c.arguments();
            if (f != null && f.isMethod() && !args.isEmpty()) {
                expr(args.get(0), MEMBER);
                out.append('.').append(c.function()).append('(');
                list(args.subList(1, args.size()));
            } else {
                out.append(c.function()).append('(');
                list(args);
            }
            out.append(')');
        }

        private void list(List<Expr> items) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                expr(items.get(i), IF);
            }
        }

        private void attribute(String name) {
            if (Names.isIdentifier(name)) {
                out.append('.').append(name);
            } else {
                out.append('[').append(CedarStrings.quote(name)).append(']');
            }
        }

        private void pattern(Pattern p) {
            out.append('"');
            for (Pattern.Element element : p.elements()) {
                if (element instanceof Pattern.Wildcard) {
                    out.append('*');
                } else {
                    StringBuilder text = new StringBuilder();
                    CedarStrings.escapeInto(((Pattern.Text) element).text(), text);
                    out.append(text.toString().replace("*", "\\*"));
                }
            }
            out.append('"');
        }
    }

    /** How tightly {@code e} binds as printed; a subexpression binding looser than needed is parenthesized. */
    private static int precedence(Expr e) {
        if (e instanceof Expr.If) {
            return IF;
        } else if (e instanceof Expr.Or) {
            return OR;
        } else if (e instanceof Expr.And a) {
            return hasChain(a) != null || isInSugar(a) ? RELATION : AND;
        } else if (e instanceof Expr.HasAttr || e instanceof Expr.Like || e instanceof Expr.Is) {
            return RELATION;
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB -> ADD;
                case MUL -> MULT;
                case EQ, NOT_EQ, LESS, LESS_EQ, GREATER, GREATER_EQ, IN -> RELATION;
                default -> MEMBER;
            };
        } else if (e instanceof Expr.Unary u) {
            return u.op() == UnaryOp.IS_EMPTY ? MEMBER : UNARY;
        } else if (e instanceof Expr.Literal l) {
            return literalPrecedence(l.value());
        }
        return MEMBER;
    }

    private static int literalPrecedence(Value v) {
        // a negative number is a `-` applied to digits: it binds like a unary operator
        return v.toCedar().startsWith("-") ? UNARY : MEMBER;
    }

    /** {@code e has a.b.c}: the target and the attributes, when {@code and} is the desugaring of one. */
    private record HasChain(Expr target, List<String> attributes) {
    }

    private static HasChain hasChain(Expr e) {
        if (e instanceof Expr.HasAttr h) {
            return Names.isIdentifier(h.attribute()) ? new HasChain(h.target(), List.of(h.attribute())) : null;
        }
        if (!(e instanceof Expr.And a) || !(a.right() instanceof Expr.HasAttr last)
                || !Names.isIdentifier(last.attribute())) {
            return null;
        }
        HasChain prefix = hasChain(a.left());
        if (prefix == null || !last.target().equals(path(prefix.target, prefix.attributes))) {
            return null;
        }
        List<String> attributes = new ArrayList<>(prefix.attributes);
        attributes.add(last.attribute());
        return new HasChain(prefix.target, Collections.unmodifiableList(attributes));
    }

    private static Expr path(Expr target, List<String> attributes) {
        Expr e = target;
        for (String a : attributes) {
            e = new Expr.GetAttr(e, a);
        }
        return e;
    }

    /** Whether {@code and} is the desugaring of {@code e is T in x}. */
    private static boolean isInSugar(Expr.And a) {
        return a.left() instanceof Expr.Is is && a.right() instanceof Expr.Binary b && b.op() == BinaryOp.IN
                && is.target().equals(b.left());
    }
}
