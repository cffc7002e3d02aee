package io.cedarwood.engine.eval;

import io.cedarwood.engine.Entity;
import io.cedarwood.engine.EntityProvider;
import io.cedarwood.engine.Request;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ExprVisitor;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cedarwood.engine.eval.Operators.asBool;
import static io.cedarwood.engine.eval.Operators.asEntity;
import static io.cedarwood.engine.eval.Operators.asString;

/**
 * Evaluates expressions for one request: one visit method per expression form, in the shape of the Lean
 * model's {@code evaluate}. Operands are evaluated left to right; {@code &&}, {@code ||} and {@code if}
 * evaluate only what they need, so the branch not taken never errors. Not thread-safe: one per call.
 */
final class Interpreter implements ExprVisitor<Value> {
    private final Request request;
    private final EntityProvider entities;
    private int depth;

    Interpreter(Request request, EntityProvider entities) {
        this.request = request;
        this.entities = entities;
    }

    Value eval(Expr e) {
        if (++depth > Evaluator.MAX_DEPTH) {
            throw Evaluator.tooDeep();
        }
        try {
            return e.accept(this);
        } finally {
            depth--;
        }
    }

    @Override
    public Value visitLiteral(Expr.Literal e) {
        return e.value();
    }

    @Override
    public Value visitVar(Expr.Var e) {
        return switch (e.variable()) {
            case PRINCIPAL -> request.principal();
            case ACTION -> request.action();
            case RESOURCE -> request.resource();
            case CONTEXT -> request.context();
        };
    }

    @Override
    public Value visitIf(Expr.If e) {
        return asBool(eval(e.condition())) ? eval(e.thenExpr()) : eval(e.elseExpr());
    }

    @Override
    public Value visitAnd(Expr.And e) {
        if (!asBool(eval(e.left()))) {
            return BoolValue.FALSE;
        }
        return BoolValue.of(asBool(eval(e.right())));
    }

    @Override
    public Value visitOr(Expr.Or e) {
        if (asBool(eval(e.left()))) {
            return BoolValue.TRUE;
        }
        return BoolValue.of(asBool(eval(e.right())));
    }

    @Override
    public Value visitUnary(Expr.Unary e) {
        return Operators.unary(e.op(), eval(e.operand()));
    }

    @Override
    public Value visitBinary(Expr.Binary e) {
        Value left = eval(e.left());
        Value right = eval(e.right());
        return switch (e.op()) {
            case EQ -> Operators.equal(left, right);
            case NOT_EQ -> BoolValue.of(!left.equals(right));
            case LESS, LESS_EQ, GREATER, GREATER_EQ -> Operators.compare(e.op(), left, right);
            case ADD, SUB, MUL -> Operators.arithmetic(e.op(), left, right);
            case IN -> in(left, right);
            case CONTAINS -> Operators.contains(left, right);
            case CONTAINS_ALL -> Operators.containsAll(left, right);
            case CONTAINS_ANY -> Operators.containsAny(left, right);
            case HAS_TAG -> hasTag(asEntity(left), asString(right));
            case GET_TAG -> getTag(asEntity(left), asString(right));
        };
    }

    @Override
    public Value visitGetAttr(Expr.GetAttr e) {
        Value target = eval(e.target());
        String attribute = e.attribute();
        if (target instanceof RecordValue record) {
            Value v = record.get(attribute);
            if (v == null) {
                throw new EvaluationException(EvaluationException.Kind.ATTRIBUTE_DOES_NOT_EXIST,
                        "record does not have the attribute `" + attribute + "`");
            }
            return v;
        } else if (target instanceof EntityUid uid) {
            Entity entity = entity(uid);
            Value v = entity.attributes().get(attribute);
            if (v == null) {
                throw new EvaluationException(EvaluationException.Kind.ATTRIBUTE_DOES_NOT_EXIST,
                        "`" + uid + "` does not have the attribute `" + attribute + "`");
            }
            return v;
        }
        throw recordOrEntityExpected(target);
    }

    @Override
    public Value visitHasAttr(Expr.HasAttr e) {
        Value target = eval(e.target());
        if (target instanceof RecordValue record) {
            return BoolValue.of(record.has(e.attribute()));
        } else if (target instanceof EntityUid uid) {
            // a missing entity has no attributes: not an error
            Entity entity = entities.entity(uid);
            return BoolValue.of(entity != null && entity.attributes().containsKey(e.attribute()));
        }
        throw recordOrEntityExpected(target);
    }

    @Override
    public Value visitLike(Expr.Like e) {
        return BoolValue.of(Operators.like(asString(eval(e.target())), e.pattern()));
    }

    @Override
    public Value visitIs(Expr.Is e) {
        return BoolValue.of(asEntity(eval(e.target())).type().equals(e.entityType()));
    }

    @Override
    public Value visitSetLit(Expr.SetLit e) {
        Set<Value> elements = new LinkedHashSet<>();
        for (Expr element : e.elements()) {
            elements.add(eval(element));
        }
        return new SetValue(elements);
    }

    @Override
    public Value visitRecordLit(Expr.RecordLit e) {
        // the reference keeps record literals sorted by attribute name and evaluates them in that order
        // (which decides the error reported when two attributes fail)
        Map<String, Value> attributes = new HashMap<>();
        List<String> names = new ArrayList<>(e.fields().keySet());
        names.sort(Interpreter::compareCodePoints);
        for (String name : names) {
            attributes.put(name, eval(e.fields().get(name)));
        }
        return new RecordValue(attributes);
    }

    @Override
    public Value visitExtensionCall(Expr.ExtensionCall e) {
        List<Value> arguments = new ArrayList<>(e.arguments().size());
        for (Expr argument : e.arguments()) {
            arguments.add(eval(argument));
        }
        return Extensions.call(e.function(), arguments);
    }

    // ---- the entity hierarchy and tags ----

    /**
     * {@code left in right}: {@code left} is an entity and {@code right} an entity or a set of entities
     * (every element is checked to be one, even after a match); true when {@code left} equals or descends
     * from one of them. An entity missing from the store has no ancestors, so only equality counts.
     */
    private Value in(Value left, Value right) {
        EntityUid uid;
        if (left instanceof EntityUid l) {
            uid = l;
        } else {
            String hint = right instanceof SetValue
                    ? " (`in` is for checking the entity hierarchy; use `.contains()` to test set membership)"
                    : right instanceof RecordValue
                    ? " (`in` is for checking the entity hierarchy; use `has` to test if a record has a key)"
                    : "";
            throw new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                    Operators.typeError("entity", left).getMessage() + hint);
        }
        if (right instanceof EntityUid target) {
            return BoolValue.of(isIn(uid, target));
        } else if (right instanceof SetValue set) {
            for (Value v : set.elements()) {
                asEntity(v);
            }
            Set<EntityUid> ancestors = null;
            for (Value v : set.elements()) {
                if (uid.equals(v)) {
                    return BoolValue.TRUE;
                }
                if (ancestors == null) {
                    ancestors = entities.ancestors(uid);
                }
                if (ancestors.contains(v)) {
                    return BoolValue.TRUE;
                }
            }
            return BoolValue.FALSE;
        }
        throw new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                "type error: expected one of [set, entity], got " + right.typeName());
    }

    /** Whether {@code uid} is {@code target} or one of its descendants. */
    boolean isIn(EntityUid uid, EntityUid target) {
        return uid.equals(target) || entities.ancestors(uid).contains(target);
    }

    private Value hasTag(EntityUid uid, String tag) {
        Entity entity = entities.entity(uid);
        return BoolValue.of(entity != null && entity.tags().containsKey(tag));
    }

    private Value getTag(EntityUid uid, String tag) {
        Entity entity = entity(uid);
        Value v = entity.tags().get(tag);
        if (v == null) {
            throw new EvaluationException(EvaluationException.Kind.TAG_DOES_NOT_EXIST,
                    "`" + uid + "` does not have the tag `" + tag + "`");
        }
        return v;
    }

    /** The entity, which must exist. */
    private Entity entity(EntityUid uid) {
        Entity entity = entities.entity(uid);
        if (entity == null) {
            throw new EvaluationException(EvaluationException.Kind.ENTITY_DOES_NOT_EXIST,
                    "entity `" + uid + "` does not exist");
        }
        return entity;
    }

    private static EvaluationException recordOrEntityExpected(Value actual) {
        return new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                "type error: expected one of [record, entity], got " + actual.typeName());
    }

    /** Orders strings by code point, as the reference orders attribute names (by their UTF-8 bytes). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
