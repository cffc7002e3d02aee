package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.Names;

import java.util.Map;
import java.util.stream.Collectors;

/** Cedar text for an expression, for messages: fully parenthesized, so precedence never misleads. */
final class ExprPrinter {
    private ExprPrinter() {
    }

    static String print(Expr n) {
        StringBuilder out = new StringBuilder();
        print(n, out);
        return out.toString();
    }

    private static void print(Expr n, StringBuilder out) {
        if (n instanceof Expr.Literal l) {
            out.append(l.value().toCedar());
        } else if (n instanceof Expr.Var v) {
            out.append(v.variable().cedarName());
        } else if (n instanceof Expr.Slot s) {
            out.append(s.slot().cedarName());
        } else if (n instanceof Expr.If i) {
            out.append("(if ");
            print(i.condition(), out);
            out.append(" then ");
            print(i.thenExpr(), out);
            out.append(" else ");
            print(i.elseExpr(), out);
            out.append(')');
        } else if (n instanceof Expr.And a) {
            infix(a.left(), "&&", a.right(), out);
        } else if (n instanceof Expr.Or o) {
            infix(o.left(), "||", o.right(), out);
        } else if (n instanceof Expr.Unary u) {
            switch (u.op()) {
                case NOT -> {
                    out.append("(!");
                    print(u.operand(), out);
                    out.append(')');
                }
                case NEG -> {
                    out.append("(-");
                    print(u.operand(), out);
                    out.append(')');
                }
                case IS_EMPTY -> {
                    print(u.operand(), out);
                    out.append(".isEmpty()");
                }
            }
        } else if (n instanceof Expr.Binary b) {
            // as the reference writes them: `!(a == b)`, `!(a <= b)`, `!(a < b)`
            String negated = switch (b.op()) {
                case NOT_EQ -> "==";
                case GREATER -> "<=";
                case GREATER_EQ -> "<";
                default -> null;
            };
            if (negated != null) {
                out.append("(!");
                infix(b.left(), negated, b.right(), out);
                out.append(')');
            } else if (b.op().isMethod()) {
                print(b.left(), out);
                out.append('.').append(b.op().symbol()).append('(');
                print(b.right(), out);
                out.append(')');
            } else {
                infix(b.left(), b.op().symbol(), b.right(), out);
            }
        } else if (n instanceof Expr.GetAttr g) {
            print(g.target(), out);
            if (Names.isIdentifier(g.attribute())) {
                out.append('.').append(g.attribute());
            } else {
                out.append('[').append(CedarStrings.quote(g.attribute())).append(']');
            }
        } else if (n instanceof Expr.HasAttr h) {
            out.append('(');
            print(h.target(), out);
            out.append(" has ").append(Names.isIdentifier(h.attribute()) ? h.attribute()
                    : CedarStrings.quote(h.attribute())).append(')');
        } else if (n instanceof Expr.Like l) {
            out.append('(');
            print(l.target(), out);
            out.append(" like \"");
            for (Pattern.Element e : l.pattern().elements()) {
                if (e instanceof Pattern.Text t) {
                    StringBuilder escaped = new StringBuilder();
                    CedarStrings.escapeInto(t.text(), escaped);
                    out.append(escaped.toString().replace("*", "\\*"));
                } else {
                    out.append('*');
                }
            }
            out.append("\")");
        } else if (n instanceof Expr.Is i) {
            out.append('(');
            print(i.target(), out);
            out.append(" is ").append(i.entityType()).append(')');
        } else if (n instanceof Expr.SetLit s) {
            out.append(s.elements().stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "[", "]")));
        } else if (n instanceof Expr.RecordLit r) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, Expr> f : r.fields().entrySet()) {
                out.append(sep).append(CedarStrings.quote(f.getKey())).append(": ");
                print(f.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (n instanceof Expr.ExtensionCall c) {
            ExtensionFunction f = Extensions.function(c.function());
            if (f != null && f.isMethod() && !c.arguments().isEmpty()) {
                print(c.arguments().get(0), out);
                out.append('.').append(c.function()).append(c.arguments().subList(1, c.arguments().size()).stream()
                        .map(ExprPrinter::print).collect(Collectors.joining(", ", "(", ")")));
                return;
            }
            out.append(c.function())
                    .append(c.arguments().stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "(", ")")));
        }
    }

    private static void infix(Expr left, String op, Expr right, StringBuilder out) {
        out.append('(');
        print(left, out);
        out.append(' ').append(op).append(' ');
        print(right, out);
        out.append(')');
    }
}
