package io.cedarwood.engine.partial;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ExprVisitor;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.ExtensionValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cedar's partial evaluator: evaluates an expression as far as the known parts of a request and of the
 * entities allow. The result is a value, or a residual: an ordinary expression over the request variables
 * and entity literals whose value, for every completion of the unknowns, is the value (or the error) the
 * original expression has. An error that no completion can avoid is thrown as an {@link EvaluationException}.
 *
 * <p>It follows the reference's partial evaluator ({@code partial_interpret}): operands left to right; an
 * operator whose operands are all known is evaluated by the ordinary {@link Evaluator} (so no operator is
 * defined twice); an operator with an unknown operand becomes a residual; {@code &&}, {@code ||} and
 * {@code if} evaluate only what they need, and a branch that would error is kept as written (with the known
 * request variables filled in) rather than folded away, so that constant folding never hides an error. Not thread-safe: one per evaluation.
 */
final class PartialEvaluator implements ExprVisitor<PartialEvaluator.Part> {
    /** A known value, or a residual expression. */
    record Part(Value value, Expr residual) {
        static Part known(Value value) {
            return new Part(value, null);
        }

        static Part residual(Expr residual) {
            return new Part(null, residual);
        }

        boolean isKnown() {
            return value != null;
        }

        /** The part as an expression: a residual as it is, a value as an expression that evaluates to it. */
        Expr expr() {
            return value != null ? PartialEvaluator.expr(value) : residual;
        }
    }

    /** The request the ordinary evaluator is given when it evaluates an operator on known values (never read). */
    private static final EntityUid NOBODY = EntityUid.of("__cedar::Unknown", "");
    private static final Request NO_REQUEST = new Request(NOBODY, NOBODY, NOBODY);

    private final PartialRequest request;
    private final PartialEntityProvider entities;
    private int depth;

    PartialEvaluator(PartialRequest request, PartialEntityProvider entities) {
        this.request = request;
        this.entities = entities;
    }

    /**
     * The value or residual of {@code e}.
     *
     * @throws EvaluationException when {@code e} errors for every completion
     */
    Part eval(Expr e) {
        if (++depth > Expr.MAX_DEPTH) {
            throw tooDeep();
        }
        try {
            return e.accept(this);
        } catch (StackOverflowError overflow) {
            throw tooDeep();
        } finally {
            depth--;
        }
    }

    /**
     * {@code e} in a position that is evaluated only for some completions (a branch of {@code if}, the right
     * of {@code &&} and {@code ||}): its residual, or {@code e} itself when it would error, so that the error
     * is kept for the completions that reach it.
     */
    private Expr lazy(Expr e) {
        try {
            return eval(e).expr();
        } catch (EvaluationException error) {
            return withKnownVariables(e);
        }
    }

    /** {@code e} with each known request variable replaced by its value: it errors as {@code e} does. */
    private Expr withKnownVariables(Expr e) {
        if (e instanceof Expr.Var v) {
            return visitVar(v).expr();
        } else if (e instanceof Expr.Literal || e instanceof Expr.Slot) {
            return e;
        } else if (e instanceof Expr.If i) {
            return new Expr.If(withKnownVariables(i.condition()), withKnownVariables(i.thenExpr()),
                    withKnownVariables(i.elseExpr()));
        } else if (e instanceof Expr.And a) {
            return new Expr.And(withKnownVariables(a.left()), withKnownVariables(a.right()));
        } else if (e instanceof Expr.Or o) {
            return new Expr.Or(withKnownVariables(o.left()), withKnownVariables(o.right()));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), withKnownVariables(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), withKnownVariables(b.left()), withKnownVariables(b.right()));
        } else if (e instanceof Expr.GetAttr g) {
            return new Expr.GetAttr(withKnownVariables(g.target()), g.attribute());
        } else if (e instanceof Expr.HasAttr h) {
            return new Expr.HasAttr(withKnownVariables(h.target()), h.attribute());
        } else if (e instanceof Expr.Like l) {
            return new Expr.Like(withKnownVariables(l.target()), l.pattern());
        } else if (e instanceof Expr.Is i) {
            return new Expr.Is(withKnownVariables(i.target()), i.entityType());
        } else if (e instanceof Expr.SetLit s) {
            return new Expr.SetLit(s.elements().stream().map(this::withKnownVariables).toList());
        } else if (e instanceof Expr.RecordLit r) {
            Map<String, Expr> fields = new LinkedHashMap<>();
            r.fields().forEach((name, value) -> fields.put(name, withKnownVariables(value)));
            return new Expr.RecordLit(fields);
        } else if (e instanceof Expr.ExtensionCall c) {
            return new Expr.ExtensionCall(c.function(), c.arguments().stream().map(this::withKnownVariables).toList());
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    @Override
    public Part visitLiteral(Expr.Literal e) {
        return Part.known(e.value());
    }

    @Override
    public Part visitSlot(Expr.Slot e) {
        throw new EvaluationException(EvaluationException.Kind.UNLINKED_SLOT,
                "the template slot `" + e.slot().cedarName() + "` is not linked");
    }

    @Override
    public Part visitVar(Expr.Var e) {
        Value v = switch (e.variable()) {
            case PRINCIPAL -> request.principal().orElse(null);
            case ACTION -> request.action().orElse(null);
            case RESOURCE -> request.resource().orElse(null);
            case CONTEXT -> request.context().orElse(null);
        };
        return v != null ? Part.known(v) : Part.residual(e);
    }

    @Override
    public Part visitIf(Expr.If e) {
        Part c = eval(e.condition());
        if (c.isKnown()) {
            return asBool(c.value()) ? eval(e.thenExpr()) : eval(e.elseExpr());
        }
        return Part.residual(new Expr.If(c.residual(), lazy(e.thenExpr()), lazy(e.elseExpr())));
    }

    @Override
    public Part visitAnd(Expr.And e) {
        Part left = eval(e.left());
        if (left.isKnown()) {
            if (!asBool(left.value())) {
                return Part.known(BoolValue.FALSE);
            }
            Part right = eval(e.right());
            if (right.isKnown()) {
                return Part.known(BoolValue.of(asBool(right.value())));
            }
            // `true && r` is r when r can only be a boolean or an error
            return Part.residual(isBoolean(right.residual()) ? right.residual()
                    : new Expr.And(new Expr.Literal(BoolValue.TRUE), right.residual()));
        }
        Expr right = lazy(e.right());
        if (right.equals(new Expr.Literal(BoolValue.TRUE)) && isBoolean(left.residual())) {
            return left;
        }
        return Part.residual(new Expr.And(left.residual(), right));
    }

    @Override
    public Part visitOr(Expr.Or e) {
        Part left = eval(e.left());
        if (left.isKnown()) {
            if (asBool(left.value())) {
                return Part.known(BoolValue.TRUE);
            }
            Part right = eval(e.right());
            if (right.isKnown()) {
                return Part.known(BoolValue.of(asBool(right.value())));
            }
            // `false || r` is r when r can only be a boolean or an error
            return Part.residual(isBoolean(right.residual()) ? right.residual()
                    : new Expr.Or(new Expr.Literal(BoolValue.FALSE), right.residual()));
        }
        Expr right = lazy(e.right());
        if (right.equals(new Expr.Literal(BoolValue.FALSE)) && isBoolean(left.residual())) {
            return left;
        }
        return Part.residual(new Expr.Or(left.residual(), right));
    }

    @Override
    public Part visitUnary(Expr.Unary e) {
        Part operand = eval(e.operand());
        if (operand.isKnown()) {
            return apply(new Expr.Unary(e.op(), literal(operand.value())));
        }
        return Part.residual(new Expr.Unary(e.op(), operand.residual()));
    }

    @Override
    public Part visitBinary(Expr.Binary e) {
        Part left = eval(e.left());
        Part right = eval(e.right());
        if (left.isKnown() && right.isKnown()) {
            Value l = left.value();
            Value r = right.value();
            if (l instanceof EntityUid uid && entities.isUnknown(uid)) {
                if (e.op() == BinaryOp.IN && inByEquality(uid, r)) {
                    return Part.known(BoolValue.TRUE);
                }
                if (e.op() == BinaryOp.IN || e.op() == BinaryOp.HAS_TAG || e.op() == BinaryOp.GET_TAG) {
                    return Part.residual(new Expr.Binary(e.op(), expr(l), expr(r)));
                }
            }
            return apply(new Expr.Binary(e.op(), literal(l), literal(r)));
        }
        return Part.residual(new Expr.Binary(e.op(), left.expr(), right.expr()));
    }

    /** Whether {@code left in right} holds whatever the ancestors of {@code left}: {@code right} is or holds it. */
    private static boolean inByEquality(EntityUid left, Value right) {
        if (right instanceof SetValue set) {
            for (Value v : set.elements()) {
                if (!(v instanceof EntityUid)) {
                    return false;
                }
            }
            return set.contains(left);
        }
        return left.equals(right);
    }

    @Override
    public Part visitGetAttr(Expr.GetAttr e) {
        Part target = eval(e.target());
        if (target.isKnown()) {
            if (target.value() instanceof EntityUid uid && unknownAttribute(uid, e.attribute())) {
                return Part.residual(new Expr.GetAttr(expr(uid), e.attribute()));
            }
            return apply(new Expr.GetAttr(literal(target.value()), e.attribute()));
        }
        if (projectable(target.residual())) {
            Expr field = ((Expr.RecordLit) target.residual()).fields().get(e.attribute());
            if (field == null) {
                throw new EvaluationException(EvaluationException.Kind.ATTRIBUTE_DOES_NOT_EXIST,
                        "record does not have the attribute `" + e.attribute() + "`");
            }
            return eval(field);
        }
        return Part.residual(new Expr.GetAttr(target.residual(), e.attribute()));
    }

    @Override
    public Part visitHasAttr(Expr.HasAttr e) {
        Part target = eval(e.target());
        if (target.isKnown()) {
            if (target.value() instanceof EntityUid uid && unknownAttribute(uid, e.attribute())) {
                return Part.residual(new Expr.HasAttr(expr(uid), e.attribute()));
            }
            return apply(new Expr.HasAttr(literal(target.value()), e.attribute()));
        }
        if (projectable(target.residual())) {
            return Part.known(BoolValue.of(((Expr.RecordLit) target.residual()).fields().containsKey(e.attribute())));
        }
        return Part.residual(new Expr.HasAttr(target.residual(), e.attribute()));
    }

    /**
     * Whether {@code e} is a record literal made only of literals, request variables, and set and record
     * literals of those (so evaluating it cannot error): then its attributes are known, and one of its fields
     * is the attribute's value, as the reference projects.
     */
    private static boolean projectable(Expr e) {
        return e instanceof Expr.RecordLit && errorFreeData(e);
    }

    private static boolean errorFreeData(Expr e) {
        if (e instanceof Expr.Literal || e instanceof Expr.Var) {
            return true;
        } else if (e instanceof Expr.SetLit || e instanceof Expr.RecordLit) {
            for (Expr child : e.children()) {
                if (!errorFreeData(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the entity, or this attribute of it, is unknown. */
    private boolean unknownAttribute(EntityUid uid, String attribute) {
        return entities.isUnknown(uid) || entities.isUnknownAttribute(uid, attribute);
    }

    @Override
    public Part visitLike(Expr.Like e) {
        Part target = eval(e.target());
        if (target.isKnown()) {
            return apply(new Expr.Like(literal(target.value()), e.pattern()));
        }
        return Part.residual(new Expr.Like(target.residual(), e.pattern()));
    }

    @Override
    public Part visitIs(Expr.Is e) {
        Part target = eval(e.target());
        if (target.isKnown()) {
            return apply(new Expr.Is(literal(target.value()), e.entityType()));
        }
        // an unknown principal or resource of a known type
        if (target.residual() instanceof Expr.Var v) {
            EntityType known = v.variable() == Variable.PRINCIPAL ? request.principalType().orElse(null)
                    : v.variable() == Variable.RESOURCE ? request.resourceType().orElse(null) : null;
            if (known != null) {
                return Part.known(BoolValue.of(known.equals(e.entityType())));
            }
        }
        return Part.residual(new Expr.Is(target.residual(), e.entityType()));
    }

    @Override
    public Part visitSetLit(Expr.SetLit e) {
        List<Part> parts = new ArrayList<>(e.elements().size());
        for (Expr element : e.elements()) {
            parts.add(eval(element));
        }
        if (allKnown(parts)) {
            return apply(new Expr.SetLit(literals(parts)));
        }
        return Part.residual(new Expr.SetLit(exprs(parts)));
    }

    @Override
    public Part visitRecordLit(Expr.RecordLit e) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> field : e.fields().entrySet()) {
            parts.put(field.getKey(), eval(field.getValue()));
        }
        Map<String, Expr> fields = new LinkedHashMap<>();
        boolean known = allKnown(parts.values());
        parts.forEach((name, part) -> fields.put(name, known ? literal(part.value()) : part.expr()));
        return known ? apply(new Expr.RecordLit(fields)) : Part.residual(new Expr.RecordLit(fields));
    }

    @Override
    public Part visitExtensionCall(Expr.ExtensionCall e) {
        List<Part> parts = new ArrayList<>(e.arguments().size());
        for (Expr argument : e.arguments()) {
            parts.add(eval(argument));
        }
        if (allKnown(parts)) {
            return apply(new Expr.ExtensionCall(e.function(), literals(parts)));
        }
        return Part.residual(new Expr.ExtensionCall(e.function(), exprs(parts)));
    }

    /** The ordinary evaluator's answer for an operator whose operands are all values. */
    private Part apply(Expr operation) {
        return Part.known(Evaluator.evaluate(operation, NO_REQUEST, entities));
    }

    private static boolean asBool(Value v) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        throw new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                "type error: expected bool, got " + v.typeName());
    }

    private static boolean allKnown(Iterable<Part> parts) {
        for (Part p : parts) {
            if (!p.isKnown()) {
                return false;
            }
        }
        return true;
    }

    private static List<Expr> literals(List<Part> parts) {
        List<Expr> out = new ArrayList<>(parts.size());
        for (Part p : parts) {
            out.add(literal(p.value()));
        }
        return out;
    }

    private static List<Expr> exprs(List<Part> parts) {
        List<Expr> out = new ArrayList<>(parts.size());
        for (Part p : parts) {
            out.add(p.expr());
        }
        return out;
    }

    /** A value as an operand for the ordinary evaluator (never printed). */
    private static Expr literal(Value v) {
        return new Expr.Literal(v);
    }

    /**
     * A value as an expression that evaluates to it and that prints as Cedar text: a literal for a boolean,
     * long, string or entity, a set or record literal, an extension constructor call.
     */
    static Expr expr(Value v) {
        if (v instanceof SetValue set) {
            List<Expr> elements = new ArrayList<>(set.size());
            for (Value element : set.elements()) {
                elements.add(expr(element));
            }
            return new Expr.SetLit(elements);
        } else if (v instanceof RecordValue record) {
            Map<String, Expr> fields = new LinkedHashMap<>();
            record.attributes().forEach((name, value) -> fields.put(name, expr(value)));
            return new Expr.RecordLit(fields);
        } else if (v instanceof ExtensionValue) {
            return PolicyParser.parseExpression(v.toCedar());
        }
        return new Expr.Literal(v);
    }

    /**
     * Whether {@code e} can only evaluate to a boolean or error, whatever it is given: then {@code true && e}
     * is {@code e}.
     */
    static boolean isBoolean(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof BoolValue;
        } else if (e instanceof Expr.Unary u) {
            return u.op() == UnaryOp.NOT || u.op() == UnaryOp.IS_EMPTY;
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB, MUL, GET_TAG -> false;
                default -> true;
            };
        }
        return e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.HasAttr || e instanceof Expr.Like
                || e instanceof Expr.Is;
    }

    private static EvaluationException tooDeep() {
        return new EvaluationException(EvaluationException.Kind.TOO_DEEP,
                "recursion limit reached: the expression is nested too deeply to evaluate");
    }
}
