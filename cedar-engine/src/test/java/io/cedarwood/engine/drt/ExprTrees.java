package io.cedarwood.engine.drt;

import io.cedarwood.engine.ast.Expr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generic walks over expression trees: children, rebuilding with new children, replacing one node. */
final class ExprTrees {
    private ExprTrees() {
    }


    /** {@code e} with its direct subexpressions replaced by {@code kids} (same number, same order). */
    static Expr withChildren(Expr e, List<Expr> kids) {
        if (e instanceof Expr.If) {
            return new Expr.If(kids.get(0), kids.get(1), kids.get(2));
        } else if (e instanceof Expr.And) {
            return new Expr.And(kids.get(0), kids.get(1));
        } else if (e instanceof Expr.Or) {
            return new Expr.Or(kids.get(0), kids.get(1));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), kids.get(0));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), kids.get(0), kids.get(1));
        } else if (e instanceof Expr.GetAttr g) {
            return new Expr.GetAttr(kids.get(0), g.attribute());
        } else if (e instanceof Expr.HasAttr h) {
            return new Expr.HasAttr(kids.get(0), h.attribute());
        } else if (e instanceof Expr.Like l) {
            return new Expr.Like(kids.get(0), l.pattern());
        } else if (e instanceof Expr.Is i) {
            return new Expr.Is(kids.get(0), i.entityType());
        } else if (e instanceof Expr.SetLit) {
            return new Expr.SetLit(kids);
        } else if (e instanceof Expr.RecordLit r) {
            Map<String, Expr> fields = new LinkedHashMap<>();
            Iterator<Expr> it = kids.iterator();
            for (String k : r.fields().keySet()) {
                fields.put(k, it.next());
            }
            return new Expr.RecordLit(fields);
        } else if (e instanceof Expr.ExtensionCall c) {
            return new Expr.ExtensionCall(c.function(), kids);
        }
        return e;
    }

    /** The number of nodes. */
    static int size(Expr e) {
        int n = 1;
        for (Expr c : e.children()) {
            n += size(c);
        }
        return n;
    }

    /** The node at pre-order position {@code index}. */
    static Expr at(Expr e, int index) {
        if (index == 0) {
            return e;
        }
        index--;
        for (Expr c : e.children()) {
            int s = size(c);
            if (index < s) {
                return at(c, index);
            }
            index -= s;
        }
        throw new IndexOutOfBoundsException();
    }

    /** {@code e} with the node at pre-order position {@code index} replaced by {@code replacement}. */
    static Expr replace(Expr e, int index, Expr replacement) {
        if (index == 0) {
            return replacement;
        }
        index--;
        List<Expr> kids = new ArrayList<>(e.children());
        for (int i = 0; i < kids.size(); i++) {
            int s = size(kids.get(i));
            if (index < s) {
                kids.set(i, replace(kids.get(i), index, replacement));
                return withChildren(e, kids);
            }
            index -= s;
        }
        throw new IndexOutOfBoundsException();
    }

    /** Variants of a record or set literal, or an extension call, with one element/field/argument less. */
    static List<Expr> dropOne(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.SetLit s) {
            for (int i = 0; i < s.elements().size(); i++) {
                List<Expr> rest = new ArrayList<>(s.elements());
                rest.remove(i);
                out.add(new Expr.SetLit(rest));
            }
        } else if (e instanceof Expr.RecordLit r) {
            for (String k : r.fields().keySet()) {
                Map<String, Expr> rest = new LinkedHashMap<>(r.fields());
                rest.remove(k);
                out.add(new Expr.RecordLit(rest));
            }
        }
        return out;
    }
}
