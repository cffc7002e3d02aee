package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.Names;

import java.util.Map;
import java.util.stream.Collectors;

/** Cedar text for a node, for messages: fully parenthesized, so precedence never misleads. */
final class NodePrinter {
    private NodePrinter() {
    }

    static String print(Node n) {
        StringBuilder out = new StringBuilder();
        print(n, out);
        return out.toString();
    }

    private static void print(Node n, StringBuilder out) {
        if (n instanceof Node.Lit l) {
            out.append(l.value().toCedar());
        } else if (n instanceof Node.Var v) {
            out.append(v.variable().cedarName());
        } else if (n instanceof Node.Slot s) {
            out.append(s.slot().cedarName());
        } else if (n instanceof Node.If i) {
            out.append("(if ");
            print(i.condition(), out);
            out.append(" then ");
            print(i.thenNode(), out);
            out.append(" else ");
            print(i.elseNode(), out);
            out.append(')');
        } else if (n instanceof Node.And a) {
            infix(a.left(), "&&", a.right(), out);
        } else if (n instanceof Node.Or o) {
            infix(o.left(), "||", o.right(), out);
        } else if (n instanceof Node.Unary u) {
            switch (u.op()) {
                case NOT -> {
                    out.append("(!");
                    print(u.arg(), out);
                    out.append(')');
                }
                case NEG -> {
                    out.append("(-");
                    print(u.arg(), out);
                    out.append(')');
                }
                case IS_EMPTY -> {
                    print(u.arg(), out);
                    out.append(".isEmpty()");
                }
            }
        } else if (n instanceof Node.Binary b) {
            if (b.op().isMethod()) {
                print(b.left(), out);
                out.append('.').append(b.op().symbol()).append('(');
                print(b.right(), out);
                out.append(')');
            } else {
                infix(b.left(), b.op().symbol(), b.right(), out);
            }
        } else if (n instanceof Node.GetAttr g) {
            print(g.target(), out);
            if (Names.isIdentifier(g.attribute())) {
                out.append('.').append(g.attribute());
            } else {
                out.append('[').append(CedarStrings.quote(g.attribute())).append(']');
            }
        } else if (n instanceof Node.HasAttr h) {
            out.append('(');
            print(h.target(), out);
            out.append(" has ").append(Names.isIdentifier(h.attribute()) ? h.attribute()
                    : CedarStrings.quote(h.attribute())).append(')');
        } else if (n instanceof Node.Like l) {
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
        } else if (n instanceof Node.Is i) {
            out.append('(');
            print(i.target(), out);
            out.append(" is ").append(i.entityType()).append(')');
        } else if (n instanceof Node.SetLit s) {
            out.append(s.elements().stream().map(NodePrinter::print).collect(Collectors.joining(", ", "[", "]")));
        } else if (n instanceof Node.RecordLit r) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, Node> f : r.fields().entrySet()) {
                out.append(sep).append(CedarStrings.quote(f.getKey())).append(": ");
                print(f.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (n instanceof Node.Call c) {
            ExtensionFunction f = Extensions.function(c.function());
            if (f != null && f.isMethod() && !c.arguments().isEmpty()) {
                print(c.arguments().get(0), out);
                out.append('.').append(c.function()).append(c.arguments().subList(1, c.arguments().size()).stream()
                        .map(NodePrinter::print).collect(Collectors.joining(", ", "(", ")")));
                return;
            }
            out.append(c.function())
                    .append(c.arguments().stream().map(NodePrinter::print).collect(Collectors.joining(", ", "(", ")")));
        }
    }

    private static void infix(Node left, String op, Node right, StringBuilder out) {
        out.append('(');
        print(left, out);
        out.append(' ').append(op).append(' ');
        print(right, out);
        out.append(')');
    }
}
