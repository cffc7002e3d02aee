package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds expression trees for tests without the parser: {@code and(eq(lit(1), lit(1)), has(context(), "a"))}. */
public final class Exprs {
    private Exprs() {
    }

    public static Expr lit(boolean b) {
        return new Expr.Literal(BoolValue.of(b));
    }

    public static Expr lit(long n) {
        return new Expr.Literal(LongValue.of(n));
    }

    public static Expr lit(String s) {
        return new Expr.Literal(StringValue.of(s));
    }

    public static Expr lit(Value v) {
        return new Expr.Literal(v);
    }

    public static Expr uid(String type, String id) {
        return new Expr.Literal(EntityUid.of(type, id));
    }

    public static Expr principal() {
        return new Expr.Var(Variable.PRINCIPAL);
    }

    public static Expr action() {
        return new Expr.Var(Variable.ACTION);
    }

    public static Expr resource() {
        return new Expr.Var(Variable.RESOURCE);
    }

    public static Expr context() {
        return new Expr.Var(Variable.CONTEXT);
    }

    public static Expr ite(Expr condition, Expr thenExpr, Expr elseExpr) {
        return new Expr.If(condition, thenExpr, elseExpr);
    }

    public static Expr and(Expr left, Expr right) {
        return new Expr.And(left, right);
    }

    public static Expr or(Expr left, Expr right) {
        return new Expr.Or(left, right);
    }

    public static Expr not(Expr e) {
        return new Expr.Unary(UnaryOp.NOT, e);
    }

    public static Expr neg(Expr e) {
        return new Expr.Unary(UnaryOp.NEG, e);
    }

    public static Expr isEmpty(Expr e) {
        return new Expr.Unary(UnaryOp.IS_EMPTY, e);
    }

    public static Expr binary(BinaryOp op, Expr left, Expr right) {
        return new Expr.Binary(op, left, right);
    }

    public static Expr eq(Expr left, Expr right) {
        return binary(BinaryOp.EQ, left, right);
    }

    public static Expr ne(Expr left, Expr right) {
        return binary(BinaryOp.NOT_EQ, left, right);
    }

    public static Expr lt(Expr left, Expr right) {
        return binary(BinaryOp.LESS, left, right);
    }

    public static Expr le(Expr left, Expr right) {
        return binary(BinaryOp.LESS_EQ, left, right);
    }

    public static Expr gt(Expr left, Expr right) {
        return binary(BinaryOp.GREATER, left, right);
    }

    public static Expr ge(Expr left, Expr right) {
        return binary(BinaryOp.GREATER_EQ, left, right);
    }

    public static Expr add(Expr left, Expr right) {
        return binary(BinaryOp.ADD, left, right);
    }

    public static Expr sub(Expr left, Expr right) {
        return binary(BinaryOp.SUB, left, right);
    }

    public static Expr mul(Expr left, Expr right) {
        return binary(BinaryOp.MUL, left, right);
    }

    public static Expr in(Expr left, Expr right) {
        return binary(BinaryOp.IN, left, right);
    }

    public static Expr contains(Expr set, Expr element) {
        return binary(BinaryOp.CONTAINS, set, element);
    }

    public static Expr containsAll(Expr left, Expr right) {
        return binary(BinaryOp.CONTAINS_ALL, left, right);
    }

    public static Expr containsAny(Expr left, Expr right) {
        return binary(BinaryOp.CONTAINS_ANY, left, right);
    }

    public static Expr hasTag(Expr entity, Expr tag) {
        return binary(BinaryOp.HAS_TAG, entity, tag);
    }

    public static Expr getTag(Expr entity, Expr tag) {
        return binary(BinaryOp.GET_TAG, entity, tag);
    }

    public static Expr get(Expr target, String attribute) {
        return new Expr.GetAttr(target, attribute);
    }

    public static Expr has(Expr target, String attribute) {
        return new Expr.HasAttr(target, attribute);
    }

    public static Expr is(Expr target, String entityType) {
        return new Expr.Is(target, EntityType.of(entityType));
    }

    /** {@code target like pattern}, where {@code *} is a wildcard and {@code \*} a literal star. */
    public static Expr like(Expr target, String pattern) {
        return new Expr.Like(target, pattern(pattern));
    }

    public static Pattern pattern(String pattern) {
        List<Pattern.Element> elements = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                text.append('*');
                i++;
            } else if (c == '*') {
                if (text.length() > 0) {
                    elements.add(new Pattern.Text(text.toString()));
                    text.setLength(0);
                }
                elements.add(new Pattern.Wildcard());
            } else {
                text.append(c);
            }
        }
        if (text.length() > 0) {
            elements.add(new Pattern.Text(text.toString()));
        }
        return new Pattern(elements);
    }

    public static Expr set(Expr... elements) {
        return new Expr.SetLit(List.of(elements));
    }

    /** A record literal from alternating names and expressions: {@code record("a", lit(1), "b", lit(2))}. */
    public static Expr record(Object... namesAndValues) {
        Map<String, Expr> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], (Expr) namesAndValues[i + 1]);
        }
        return new Expr.RecordLit(fields);
    }

    public static Expr call(String function, Expr... arguments) {
        return new Expr.ExtensionCall(function, List.of(arguments));
    }

    public static Expr ip(String s) {
        return call("ip", lit(s));
    }

    public static Expr decimal(String s) {
        return call("decimal", lit(s));
    }

    public static Expr datetime(String s) {
        return call("datetime", lit(s));
    }

    public static Expr duration(String s) {
        return call("duration", lit(s));
    }

    /** An expression that always fails with an error of kind ENTITY_DOES_NOT_EXIST (given no such entity). */
    public static Expr error() {
        return get(uid("Missing", "entity"), "attr");
    }
}
