package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.ExprVisitor;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EvaluationException;
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

    Interpreter(Request request, EntityProvider entities) {
        this.request = request;
        this.entities = entities;
    }

    Value eval(Expr e) {
        return e.accept(this);
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
            case IN -> EntityOps.in(entities, left, right);
            case CONTAINS -> Operators.contains(left, right);
            case CONTAINS_ALL -> Operators.containsAll(left, right);
            case CONTAINS_ANY -> Operators.containsAny(left, right);
            case HAS_TAG -> EntityOps.hasTag(entities, asEntity(left), asString(right));
            case GET_TAG -> EntityOps.getTag(entities, asEntity(left), asString(right));
        };
    }

    @Override
    public Value visitGetAttr(Expr.GetAttr e) {
        return EntityOps.getAttr(entities, eval(e.target()), e.attribute());
    }

    @Override
    public Value visitHasAttr(Expr.HasAttr e) {
        return EntityOps.hasAttr(entities, eval(e.target()), e.attribute());
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
        names.sort(EntityOps::compareCodePoints);
        for (String name : names) {
            attributes.put(name, eval(e.fields().get(name)));
        }
        return new RecordValue(attributes);
    }

    @Override
    public Value visitSlot(Expr.Slot e) {
        throw unlinkedSlot(e);
    }

    /** The error of evaluating a slot, which only an unlinked template has. */
    static EvaluationException unlinkedSlot(Expr.Slot e) {
        return new EvaluationException(EvaluationException.Kind.UNLINKED_SLOT,
                "the template slot `" + e.slot().cedarName() + "` is not linked");
    }

    @Override
    public Value visitExtensionCall(Expr.ExtensionCall e) {
        List<Value> arguments = new ArrayList<>(e.arguments().size());
        for (Expr argument : e.arguments()) {
            arguments.add(eval(argument));
        }
        return Extensions.call(e.function(), arguments);
    }
}
