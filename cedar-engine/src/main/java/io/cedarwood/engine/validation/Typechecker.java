package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.extensions.ValueType;
import io.cedarwood.engine.schema.ResolvedSchema;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Typechecks one policy condition in one request environment, as the reference's typechecker does:
 * every expression gets a type (or none, after an error), singleton boolean types make {@code &&},
 * {@code ||} and {@code if} short-circuit, and capabilities learned from {@code has} and {@code hasTag}
 * make later attribute and tag reads safe. Errors are added to the list given; one instance per
 * environment, not thread-safe.
 */
final class Typechecker {
    private static final Type IPADDR = new Type.ExtensionType(ValueType.IPADDR.cedarName());
    private static final Type DECIMAL = new Type.ExtensionType(ValueType.DECIMAL.cedarName());
    private static final Type DATETIME = new Type.ExtensionType(ValueType.DATETIME.cedarName());
    private static final Type DURATION = new Type.ExtensionType(ValueType.DURATION.cedarName());
    /** Long and the extension types with operator overloading, as listed in messages. */
    private static final List<Type> COMPARISON_TYPES = List.of(DATETIME, DURATION, Type.LONG);

    private final SchemaView schema;
    private final ValidationMode mode;
    private final boolean strict;
    private final Problems problems;
    private final PolicyExpr policy;
    private final RequestEnv env;
    private final List<ValidationError> errors;

    Typechecker(SchemaView schema, ValidationMode mode, Problems problems, PolicyExpr policy, RequestEnv env,
                List<ValidationError> errors) {
        this.schema = schema;
        this.mode = mode;
        this.strict = mode == ValidationMode.STRICT;
        this.problems = problems;
        this.policy = policy;
        this.env = env;
        this.errors = errors;
    }

    /** Typechecks the policy's whole condition, which must be boolean. */
    Answer typecheckPolicy() {
        return expectType(Capabilities.NONE, policy.condition(), Type.BOOL, t -> null);
    }

    private SourceSpan span(Expr n) {
        return policy.spanOf(n);
    }

    // ------------------------------------------------------------------ expressions

    private Answer typecheck(Capabilities prior, Expr e) {
        Value literal = literalValue(e);
        if (literal != null) {
            return literal(e, literal);
        } else if (e instanceof Expr.Var v) {
            return Answer.success(TypedExpr.of(e, switch (v.variable()) {
                case PRINCIPAL -> Type.entity(env.principal());
                case ACTION -> Type.entity(env.action().type());
                case RESOURCE -> Type.entity(env.resource());
                case CONTEXT -> env.context();
            }));
        } else if (e instanceof Expr.Slot s) {
            EntityType linked = switch (s.slot()) {
                case PRINCIPAL -> env.principalSlot();
                case RESOURCE -> env.resourceSlot();
            };
            return Answer.success(TypedExpr.of(e, linked == null ? Type.ANY_ENTITY : Type.entity(linked)));
        } else if (e instanceof Expr.If i) {
            return ifThenElse(prior, i);
        } else if (e instanceof Expr.And a) {
            return and(prior, a);
        } else if (e instanceof Expr.Or o) {
            return or(prior, o);
        } else if (e instanceof Expr.Unary u) {
            return unary(prior, u);
        } else if (e instanceof Expr.Binary b) {
            return binary(prior, b);
        } else if (e instanceof Expr.GetAttr g) {
            return getAttr(prior, g);
        } else if (e instanceof Expr.HasAttr h) {
            return hasAttr(prior, h);
        } else if (e instanceof Expr.Like l) {
            Answer target = expectType(prior, l.target(), Type.STRING,
                    t -> Type.isEntity(t) ? "try using `is` to test for an entity type" : null);
            return Answer.success(TypedExpr.of(e, Type.BOOL, target.expr())).after(target);
        } else if (e instanceof Expr.Is is) {
            return is(prior, is);
        } else if (e instanceof Expr.SetLit s) {
            return setLiteral(prior, s);
        } else if (e instanceof Expr.RecordLit r) {
            return recordLiteral(prior, r);
        }
        return call(prior, (Expr.ExtensionCall) e);
    }

    private Answer literal(Expr e, Value value) {
        if (value instanceof EntityUid uid) {
            boolean known = uid.type().isAction() ? schema.action(uid) != null : schema.entityType(uid.type()) != null;
            // unknown entity types and actions are reported by the scope checks, not here
            return known ? Answer.success(TypedExpr.of(e, Type.entity(uid.type()))) : Answer.fail(TypedExpr.of(e, null));
        }
        return Answer.success(TypedExpr.of(e, typeOfValue(value)));
    }

    private static Type typeOfValue(Value value) {
        if (value instanceof BoolValue b) {
            return Type.singleton(b.value());
        } else if (value instanceof LongValue) {
            return Type.LONG;
        } else if (value instanceof StringValue) {
            return Type.STRING;
        } else if (value instanceof EntityUid uid) {
            return Type.entity(uid.type());
        } else if (value instanceof SetValue s) {
            // not produced by the parser; typed like the set literal of its elements
            Type element = Type.NEVER;
            for (Value v : s.elements()) {
                Type.Lub lub = Type.leastUpperBound(element, typeOfValue(v), ValidationMode.PERMISSIVE);
                element = lub.exists() ? lub.type() : Type.NEVER;
            }
            return Type.set(element);
        } else if (value instanceof RecordValue r) {
            Map<String, Type.Attribute> attributes = new TreeMap<>();
            r.attributes().forEach((k, v) -> attributes.put(k, new Type.Attribute(typeOfValue(v), true)));
            return new Type.RecordType(new TreeMap<>(attributes), false);
        } else if (value instanceof DecimalValue) {
            return DECIMAL;
        } else if (value instanceof IpAddrValue) {
            return IPADDR;
        } else if (value instanceof DatetimeValue) {
            return DATETIME;
        }
        return DURATION;
    }

    private Answer ifThenElse(Capabilities prior, Expr.If e) {
        Answer test = expectType(prior, e.condition(), Type.BOOL, t -> null);
        Capabilities testCaps = test.capabilities();
        Answer result;
        if (Type.TRUE.equals(test.type())) {
            Answer then = typecheck(prior.union(testCaps), e.thenExpr());
            result = Answer.success(TypedExpr.of(e, then.type(), test.expr(), then.expr(), then.expr()),
                    then.capabilities().union(testCaps)).after(then);
        } else if (Type.FALSE.equals(test.type())) {
            Answer otherwise = typecheck(prior, e.elseExpr());
            result = Answer.success(TypedExpr.of(e, otherwise.type(), test.expr(), otherwise.expr(), otherwise.expr()),
                    otherwise.capabilities()).after(otherwise);
        } else {
            Answer then = typecheck(prior.union(testCaps), e.thenExpr());
            Capabilities thenCaps = then.ok() ? then.capabilities().union(testCaps) : Capabilities.NONE;
            Answer otherwise = typecheck(prior, e.elseExpr());
            Type lub = leastUpperBoundOrError(e, listOf(then.type(), otherwise.type()), Problems.LubContext.CONDITIONAL);
            TypedExpr typed = TypedExpr.of(e, lub, test.expr(), then.expr(), otherwise.expr());
            result = lub != null ? Answer.success(typed, otherwise.capabilities().intersect(thenCaps)) : Answer.fail(typed);
            result = result.after(then).after(otherwise);
        }
        return result.after(test);
    }

    private Answer and(Capabilities prior, Expr.And e) {
        Answer left = expectType(prior, e.left(), Type.BOOL, t -> null);
        if (Type.FALSE.equals(left.type())) {
            return Answer.success(left.expr()).after(left);
        }
        Answer right = expectType(prior.union(left.capabilities()), e.right(), Type.BOOL, t -> null);
        Type lt = left.type();
        Type rt = right.type();
        Answer result;
        if (lt != null && Type.FALSE.equals(rt)) {
            result = Answer.success(TypedExpr.of(e, Type.FALSE, left.expr(), right.expr()));
        } else if (lt != null && Type.TRUE.equals(rt)) {
            result = Answer.success(TypedExpr.of(e, lt, left.expr(), right.expr()),
                    left.capabilities().union(right.capabilities()));
        } else if (Type.TRUE.equals(lt) && rt != null) {
            result = Answer.success(TypedExpr.of(e, rt, left.expr(), right.expr()), right.capabilities());
        } else if (lt != null && rt != null) {
            result = Answer.success(TypedExpr.of(e, Type.BOOL, left.expr(), right.expr()),
                    left.capabilities().union(right.capabilities()));
        } else {
            result = Answer.fail(TypedExpr.of(e, Type.BOOL, left.expr(), right.expr()));
        }
        return result.after(right).after(left);
    }

    private Answer or(Capabilities prior, Expr.Or e) {
        Answer left = expectType(prior, e.left(), Type.BOOL, t -> null);
        if (Type.TRUE.equals(left.type())) {
            return Answer.success(left.expr(), left.capabilities()).after(left);
        }
        Answer right = expectType(prior, e.right(), Type.BOOL, t -> null);
        Type lt = left.type();
        Type rt = right.type();
        Answer result;
        if (lt != null && Type.TRUE.equals(rt)) {
            result = Answer.success(TypedExpr.of(e, Type.TRUE, left.expr(), right.expr()), right.capabilities());
        } else if (lt != null && Type.FALSE.equals(rt)) {
            result = Answer.success(TypedExpr.of(e, lt, left.expr(), right.expr()), left.capabilities());
        } else if (Type.FALSE.equals(lt) && rt != null) {
            result = Answer.success(TypedExpr.of(e, rt, left.expr(), right.expr()), right.capabilities());
        } else if (lt != null && rt != null) {
            result = Answer.success(TypedExpr.of(e, Type.BOOL, left.expr(), right.expr()),
                    right.capabilities().intersect(left.capabilities()));
        } else {
            result = Answer.fail(TypedExpr.of(e, Type.BOOL, left.expr(), right.expr()));
        }
        return result.after(right).after(left);
    }

    private Answer unary(Capabilities prior, Expr.Unary e) {
        switch (e.op()) {
            case NOT -> {
                Answer arg = expectType(prior, e.operand(), Type.BOOL, t -> null);
                Type t = arg.type();
                if (t == null) {
                    return Answer.fail(TypedExpr.of(e, Type.BOOL, arg.expr()));
                }
                Type result = Type.TRUE.equals(t) ? Type.FALSE : Type.FALSE.equals(t) ? Type.TRUE : Type.BOOL;
                return Answer.success(TypedExpr.of(e, result, arg.expr())).after(arg);
            }
            case NEG -> {
                Answer arg = expectType(prior, e.operand(), Type.LONG, t -> null);
                return Answer.success(TypedExpr.of(e, Type.LONG, arg.expr())).after(arg);
            }
            default -> {
                Answer arg = expectType(prior, e.operand(), Type.ANY_SET,
                        t -> t instanceof Type.StringType ? "try using `== \"\"` to test if a string is empty" : null);
                return Answer.success(TypedExpr.of(e, Type.BOOL, arg.expr())).after(arg);
            }
        }
    }

    private Answer getAttr(Capabilities prior, Expr.GetAttr e) {
        Answer target = expectOneOf(prior, e.target(), List.of(Type.ANY_ENTITY, Type.ANY_RECORD), t -> null);
        Type t = target.type();
        if (t == null) {
            return Answer.fail(TypedExpr.of(e, null, target.expr()));
        }
        Type.Attribute attribute = lookupAttribute(t, e.attribute());
        TypedExpr typed = TypedExpr.of(e, attribute == null ? null : attribute.type(), target.expr());
        Answer result;
        if (attribute != null) {
            if (attribute.required() || prior.hasAttribute(e.target(), e.attribute())) {
                result = Answer.success(typed);
            } else {
                errors.add(problems.unsafeOptionalAttributeAccess(span(e),
                        AttributeAccess.of(env, target.expr(), e.attribute())));
                result = Answer.fail(typed);
            }
        } else {
            errors.add(problems.unsafeAttributeAccess(span(e), AttributeAccess.of(env, target.expr(), e.attribute()),
                    Suggestions.closest(e.attribute(), knownAttributes(t)), mayHaveAttribute(t, e.attribute())));
            result = Answer.fail(typed);
        }
        return result.after(target);
    }

    private Answer hasAttr(Capabilities prior, Expr.HasAttr e) {
        Answer target = expectOneOf(prior, e.target(), List.of(Type.ANY_ENTITY, Type.ANY_RECORD), t -> {
            if (t instanceof Type.SetType) {
                return "try using `contains`, `containsAny`, or `containsAll` to examine the contents of a set";
            }
            return t instanceof Type.StringType ? "try using `like` to examine the contents of a string" : null;
        });
        Type t = target.type();
        if (t == null) {
            return Answer.fail(TypedExpr.of(e, Type.BOOL, target.expr()));
        }
        Type.Attribute attribute = lookupAttribute(t, e.attribute());
        boolean inPrior = prior.hasAttribute(e.target(), e.attribute());
        Answer result;
        if (attribute != null && attribute.required()) {
            // an entity need not exist, and `has` is false then: only records and known reads are sure
            Type type = t instanceof Type.RecordType || inPrior ? Type.TRUE : Type.BOOL;
            result = Answer.success(TypedExpr.of(e, type, target.expr()), Capabilities.attribute(e.target(), e.attribute()));
        } else if (attribute != null) {
            result = Answer.success(TypedExpr.of(e, inPrior ? Type.TRUE : Type.BOOL, target.expr()),
                    Capabilities.attribute(e.target(), e.attribute()));
        } else {
            result = Answer.success(TypedExpr.of(e, mayHaveAttribute(t, e.attribute()) ? Type.BOOL : Type.FALSE,
                    target.expr()));
        }
        return result.after(target);
    }

    private Answer is(Capabilities prior, Expr.Is e) {
        Answer target = expectType(prior, e.target(), Type.ANY_ENTITY,
                t -> "Cedar only supports run time type tests for entities");
        Answer result;
        if (target.type() instanceof Type.EntityLubType lub) {
            Type type;
            if (!lub.types().contains(e.entityType())) {
                type = Type.FALSE;
            } else if (lub.types().size() == 1) {
                type = Type.TRUE;
            } else {
                type = Type.BOOL;
            }
            result = Answer.success(TypedExpr.of(e, type, target.expr()));
        } else if (target.type() instanceof Type.AnyEntityType) {
            result = Answer.success(TypedExpr.of(e, Type.BOOL, target.expr()));
        } else {
            result = Answer.fail(TypedExpr.of(e, Type.BOOL, target.expr()));
        }
        return result.after(target);
    }

    private Answer setLiteral(Capabilities prior, Expr.SetLit e) {
        List<Answer> elements = new ArrayList<>(e.elements().size());
        for (Expr element : e.elements()) {
            elements.add(typecheck(prior, element));
        }
        List<TypedExpr> typed = exprs(elements);
        Type lub = leastUpperBoundOrError(e, types(elements), Problems.LubContext.SET);
        Answer result;
        if (strict && e.elements().isEmpty()) {
            errors.add(problems.emptySetForbidden(span(e)));
            result = Answer.fail(new TypedExpr(e, null, typed));
        } else if (lub != null) {
            result = Answer.success(new TypedExpr(e, Type.set(lub), typed));
        } else {
            result = Answer.fail(new TypedExpr(e, null, typed));
        }
        return allOk(elements) ? result : result.fail();
    }

    private Answer recordLiteral(Capabilities prior, Expr.RecordLit e) {
        List<Answer> values = new ArrayList<>(e.fields().size());
        for (Expr value : e.fields().values()) {
            values.add(typecheck(prior, value));
        }
        Map<String, Type.Attribute> attributes = new TreeMap<>();
        int i = 0;
        boolean allTyped = true;
        for (String name : e.fields().keySet()) {
            Type t = values.get(i++).type();
            if (t == null) {
                allTyped = false;
            } else {
                attributes.put(name, new Type.Attribute(t, true));
            }
        }
        TypedExpr typed = new TypedExpr(e, allTyped ? new Type.RecordType(new TreeMap<>(attributes), false) : null,
                exprs(values));
        Answer result = allTyped ? Answer.success(typed) : Answer.fail(typed);
        return allOk(values) ? result : result.fail();
    }

    // ------------------------------------------------------------------ binary operators

    private Answer binary(Capabilities prior, Expr.Binary e) {
        return switch (e.op()) {
            case EQ -> equality(prior, e);
            case LESS, LESS_EQ -> comparison(prior, e);
            case ADD, SUB, MUL -> arithmetic(prior, e);
            case IN -> in(prior, e);
            case CONTAINS -> contains(prior, e);
            case CONTAINS_ALL, CONTAINS_ANY -> containsAllOrAny(prior, e);
            case HAS_TAG -> hasTag(prior, e);
            case GET_TAG -> getTag(prior, e);
            // the reference's `!(a == b)`, `!(a <= b)` and `!(a < b)`: the `!` of a boolean is a boolean
            case NOT_EQ -> notEqual(prior, e);
            case GREATER, GREATER_EQ -> comparison(prior, e);
        };
    }

    /** {@code a != b}, typed as {@code !(a == b)}: the equality's type, negated when it is a singleton. */
    private Answer notEqual(Capabilities prior, Expr.Binary e) {
        Answer equality = equality(prior, e);
        Type t = equality.type();
        Type negated = Type.TRUE.equals(t) ? Type.FALSE : Type.FALSE.equals(t) ? Type.TRUE : t;
        TypedExpr typed = equality.expr().withType(negated);
        return equality.ok() ? Answer.success(typed) : Answer.fail(typed);
    }

    private Answer equality(Capabilities prior, Expr.Binary e) {
        Answer lhs = typecheck(prior, e.left());
        Answer rhs = typecheck(prior, e.right());
        Type type = typeOfEquality(e.left(), lhs.type(), e.right(), rhs.type());
        TypedExpr typed = TypedExpr.of(e, type, lhs.expr(), rhs.expr());
        Answer result = strict
                ? enforceStrictEquality(e, typed, lhs.type(), rhs.type(), Problems.LubContext.EQUALITY)
                : Answer.success(typed);
        return result.after(rhs).after(lhs);
    }

    private Type typeOfEquality(Expr lhs, Type lhsType, Expr rhs, Type rhsType) {
        if (lhsType != null && rhsType != null && Type.areDisjoint(lhsType, rhsType)) {
            return Type.FALSE;
        }
        Value l = literalOrAction(lhs);
        Value r = literalOrAction(rhs);
        if (l != null && r != null) {
            return Type.singleton(l.equals(r));
        }
        return Type.BOOL;
    }

    /** The literal's value, or the environment's action for the {@code action} variable. */
    private Value literalOrAction(Expr n) {
        Value literal = literalValue(n);
        if (literal != null) {
            return literal;
        }
        if (n instanceof Expr.Var v && v.variable() == Variable.ACTION) {
            return env.action();
        }
        return null;
    }

    /*
     * The value of a literal, or null. The reference builds `&&` and `||` of two boolean literals as the
     * literal they evaluate to (its AST builder folds them, from text and from JSON alike), and its
     * typechecker looks at literals: `0 == (false && true)` compares two literals there, which strict
     * validation allows, where `0 == !true` is an error. So such an `&&` or `||` is a literal here too;
     * evaluation is not affected (it cannot fail).
     */
    private static Value literalValue(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return lit.value();
        } else if (e instanceof Expr.And a) {
            return literalValue(a.left()) instanceof BoolValue l && literalValue(a.right()) instanceof BoolValue r
                    ? BoolValue.of(l.value() && r.value()) : null;
        } else if (e instanceof Expr.Or o) {
            return literalValue(o.left()) instanceof BoolValue l && literalValue(o.right()) instanceof BoolValue r
                    ? BoolValue.of(l.value() || r.value()) : null;
        }
        return null;
    }

    private Answer enforceStrictEquality(Expr e, TypedExpr typed, Type lhs, Type rhs, Problems.LubContext context) {
        if (Type.TRUE.equals(typed.type()) || Type.FALSE.equals(typed.type()) || lhs == null || rhs == null) {
            return Answer.success(typed);
        }
        Type.Lub lub = Type.leastUpperBound(lhs, rhs, mode);
        if (!lub.exists()) {
            errors.add(problems.incompatibleTypes(span(e), List.of(lhs, rhs), lub.hint(), context));
            return Answer.fail(typed);
        }
        return Answer.success(typed);
    }

    private Answer comparison(Capabilities prior, Expr.Binary e) {
        Answer a1 = typecheck(prior, e.left());
        Answer a2 = typecheck(prior, e.right());
        TypedExpr typed = TypedExpr.of(e, Type.BOOL, a1.expr(), a2.expr());
        Type t1 = a1.type();
        Type t2 = a2.type();
        boolean ok;
        if (t1 == null || t2 == null) {
            ok = false;
        } else if (t1 instanceof Type.NeverType && t2 instanceof Type.NeverType) {
            ok = false;
        } else if (t1 instanceof Type.NeverType || t2 instanceof Type.NeverType) {
            Type other = t1 instanceof Type.NeverType ? t2 : t1;
            Expr otherNode = t1 instanceof Type.NeverType ? e.right() : e.left();
            ok = isComparable(other);
            if (!ok) {
                errors.add(problems.unexpectedType(span(otherNode), COMPARISON_TYPES, other, null));
            }
        } else if (t1.equals(t2) && isComparable(t1)) {
            ok = true;
        } else if (t1 instanceof Type.LongType) {
            errors.add(problems.unexpectedType(span(e.right()), List.of(Type.LONG), t2, null));
            ok = false;
        } else if (t2 instanceof Type.LongType) {
            errors.add(problems.unexpectedType(span(e.left()), List.of(Type.LONG), t1, null));
            ok = false;
        } else if (isComparable(t1)) {
            errors.add(problems.unexpectedType(span(e.right()), List.of(t1), t2, null));
            ok = false;
        } else if (isComparable(t2)) {
            errors.add(problems.unexpectedType(span(e.left()), List.of(t2), t1, null));
            ok = false;
        } else {
            errors.add(problems.unexpectedType(span(e.left()), COMPARISON_TYPES, t1, null));
            errors.add(problems.unexpectedType(span(e.right()), COMPARISON_TYPES, t2, null));
            ok = false;
        }
        Answer result = ok ? Answer.success(typed) : Answer.fail(typed);
        return result.after(a2).after(a1);
    }

    private static boolean isComparable(Type t) {
        return t instanceof Type.LongType || DATETIME.equals(t) || DURATION.equals(t);
    }

    private Answer arithmetic(Capabilities prior, Expr.Binary e) {
        Function<Type, String> help = t -> {
            if (e.op() == BinaryOp.ADD && t instanceof Type.StringType) {
                return "Cedar does not support string concatenation";
            }
            return t instanceof Type.SetType
                    ? "Cedar does not support computing the union, intersection, or difference of sets" : null;
        };
        Answer a1 = expectType(prior, e.left(), Type.LONG, help);
        Answer a2 = expectType(prior, e.right(), Type.LONG, help);
        return Answer.success(TypedExpr.of(e, Type.LONG, a1.expr(), a2.expr())).after(a2).after(a1);
    }

    private static String setOperandHelp(Type t) {
        if (Type.isEntity(t)) {
            return "try using `in` for entity hierarchy membership";
        } else if (t instanceof Type.RecordType) {
            return "try using `has` to test for an attribute";
        } else if (t instanceof Type.StringType) {
            return "try using `like` to examine the contents of a string";
        }
        return null;
    }

    private Answer contains(Capabilities prior, Expr.Binary e) {
        Answer a1 = expectType(prior, e.left(), Type.ANY_SET, Typechecker::setOperandHelp);
        Answer a2 = typecheck(prior, e.right());
        TypedExpr typed = TypedExpr.of(e, Type.BOOL, a1.expr(), a2.expr());
        Answer result;
        if (strict) {
            Type element = a1.type() instanceof Type.SetType s ? s.element() : null;
            result = enforceStrictEquality(e, typed, element, a2.type(), Problems.LubContext.CONTAINS);
        } else {
            result = Answer.success(typed);
        }
        return result.after(a2).after(a1);
    }

    private Answer containsAllOrAny(Capabilities prior, Expr.Binary e) {
        Answer a1 = expectType(prior, e.left(), Type.ANY_SET, Typechecker::setOperandHelp);
        Answer a2 = expectType(prior, e.right(), Type.ANY_SET,
                t -> "try using `contains` to test if a single element is in a set");
        TypedExpr typed = TypedExpr.of(e, Type.BOOL, a1.expr(), a2.expr());
        Answer result = strict
                ? enforceStrictEquality(e, typed, a1.type(), a2.type(), Problems.LubContext.CONTAINS_ANY_ALL)
                : Answer.success(typed);
        return result.after(a2).after(a1);
    }

    private Answer hasTag(Capabilities prior, Expr.Binary e) {
        Answer a1 = expectType(prior, e.left(), Type.ANY_ENTITY, t -> null);
        Answer a2 = expectType(prior, e.right(), Type.STRING, t -> null);
        Type kind = a1.type();
        Answer result;
        if (kind == null) {
            result = Answer.fail(TypedExpr.of(e, null, a1.expr(), a2.expr()));
        } else if (!Type.isEntity(kind)) {
            errors.add(problems.internalInvariantViolation(span(e)));
            result = Answer.fail(TypedExpr.of(e, null, a1.expr(), a2.expr()));
        } else {
            Type type;
            if (tagTypes(kind).isEmpty()) {
                type = Type.FALSE;
            } else if (prior.hasTag(e.left(), e.right())) {
                type = Type.TRUE;
            } else {
                type = Type.BOOL;
            }
            result = Answer.success(TypedExpr.of(e, type, a1.expr(), a2.expr()), Capabilities.tag(e.left(), e.right()));
        }
        return result.after(a2).after(a1);
    }

    private Answer getTag(Capabilities prior, Expr.Binary e) {
        Answer a1 = expectType(prior, e.left(), Type.ANY_ENTITY, t -> null);
        Answer a2 = expectType(prior, e.right(), Type.STRING, t -> null);
        Type kind = a1.type();
        TypedExpr untyped = TypedExpr.of(e, null, a1.expr(), a2.expr());
        Answer result;
        if (kind == null) {
            result = Answer.fail(untyped);
        } else if (!Type.isEntity(kind)) {
            errors.add(problems.internalInvariantViolation(span(e)));
            result = Answer.fail(untyped);
        } else if (prior.hasTag(e.left(), e.right())) {
            List<Type> tagTypes = tagTypes(kind);
            if (tagTypes.isEmpty()) {
                EntityType single = kind instanceof Type.EntityLubType lub ? lub.single().orElse(null) : null;
                errors.add(problems.noTagsAllowed(span(e), single));
                result = Answer.fail(untyped);
            } else {
                Type.Lub lub = Type.leastUpperBound(tagTypes, mode);
                if (lub.exists()) {
                    result = Answer.success(TypedExpr.of(e, lub.type(), a1.expr(), a2.expr()));
                } else {
                    errors.add(problems.incompatibleTypes(span(e), tagTypes, lub.hint(), Problems.LubContext.GET_TAG));
                    result = Answer.fail(untyped);
                }
            }
        } else {
            errors.add(problems.unsafeTagAccess(span(e), kind, e.right()));
            result = Answer.fail(untyped);
        }
        return result.after(a2).after(a1);
    }

    /**
     * The possible types of the tags of an entity of this type; entity types without tags are ignored (the
     * access is assumed not to be on one of them).
     */
    private List<Type> tagTypes(Type kind) {
        Set<Type> types = new LinkedHashSet<>();
        Iterable<EntityType> names = kind instanceof Type.EntityLubType lub ? lub.types() : schema.entityTypeNames();
        for (EntityType name : names) {
            Type t = schema.tagType(name);
            if (t != null) {
                types.add(t);
            }
        }
        List<Type> sorted = new ArrayList<>(types);
        sorted.sort(Comparator.comparing(Type::toString));
        return sorted;
    }

    // ------------------------------------------------------------------ `in`

    private Answer in(Capabilities prior, Expr.Binary e) {
        Answer lhs = expectType(prior, e.left(), Type.ANY_ENTITY,
                t -> "try using `contains`, `containsAny`, or `containsAll` to examine the contents of a set");
        Answer rhs = expectOneOf(prior, e.right(), List.of(Type.set(Type.ANY_ENTITY), Type.ANY_ENTITY), t -> {
            if (t instanceof Type.SetType) {
                return "try using `contains`, `containsAny`, or `containsAll` to examine the contents of a set";
            }
            return t instanceof Type.StringType ? "try using `like` to examine the contents of a string" : null;
        });
        if (!lhs.ok() || !rhs.ok()) {
            return Answer.fail(TypedExpr.of(e, Type.BOOL, lhs.expr(), rhs.expr()));
        }
        Value lhsUid = literalOrAction(e.left());
        List<EntityUid> rhsUids = uidsOf(e.right());
        if (lhsUid instanceof EntityUid action && rhsUids != null && action.type().isAction()) {
            List<EntityUid> rhsActions = rhsUids.stream().filter(u -> u.type().isAction()).toList();
            if (rhsActions.isEmpty()) {
                // an action is never in a non-action entity
                return Answer.success(TypedExpr.of(e, Type.FALSE, lhs.expr(), rhs.expr()));
            }
            Set<EntityUid> in = schema.actionsIn(rhsActions);
            if (in == null) {
                return Answer.fail(TypedExpr.of(e, Type.BOOL, lhs.expr(), rhs.expr()));
            }
            return Answer.success(TypedExpr.of(e, Type.singleton(in.contains(action)), lhs.expr(), rhs.expr()));
        }
        Type.EntityLubType lhsTypes = lhs.type() instanceof Type.EntityLubType l ? l : null;
        Type.EntityLubType rhsTypes = null;
        if (rhs.type() instanceof Type.EntityLubType r) {
            rhsTypes = r;
        } else if (rhs.type() instanceof Type.SetType s && s.element() instanceof Type.EntityLubType r) {
            rhsTypes = r;
        }
        if (lhsTypes != null && rhsTypes != null && !anyDescendantOf(lhsTypes, rhsTypes)) {
            return Answer.success(TypedExpr.of(e, Type.FALSE, lhs.expr(), rhs.expr()));
        }
        return Answer.success(TypedExpr.of(e, Type.BOOL, lhs.expr(), rhs.expr()));
    }

    /** The entity uids of a uid literal, the {@code action} variable, or a set of only those; else {@code null}. */
    private List<EntityUid> uidsOf(Expr n) {
        if (literalOrAction(n) instanceof EntityUid uid) {
            return List.of(uid);
        }
        if (n instanceof Expr.SetLit s) {
            List<EntityUid> uids = new ArrayList<>(s.elements().size());
            for (Expr element : s.elements()) {
                if (!(literalOrAction(element) instanceof EntityUid uid)) {
                    return null;
                }
                uids.add(uid);
            }
            return uids;
        }
        return null;
    }

    /** Whether an entity of one of the {@code lhs} types may be in an entity of one of the {@code rhs} types. */
    private boolean anyDescendantOf(Type.EntityLubType lhs, Type.EntityLubType rhs) {
        for (EntityType l : lhs.types()) {
            for (EntityType r : rhs.types()) {
                if (schema.entityTypesIn(r).contains(l) || actionMayBeIn(l, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an action of type {@code l} may be in an entity of type {@code r} (an action group of that type). */
    private boolean actionMayBeIn(EntityType l, EntityType r) {
        if (l.equals(r)) {
            return true;
        }
        for (var action : schema.actions()) {
            if (action.uid().type().equals(r)) {
                for (EntityUid d : schema.actionDescendants(action.uid())) {
                    if (d.type().equals(l)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ extension functions

    private Answer call(Capabilities prior, Expr.ExtensionCall e) {
        ExtensionFunction f = Extensions.function(e.function());
        if (f == null) {
            errors.add(problems.undefinedFunction(span(e), e.function()));
            return Answer.fail(new TypedExpr(e, null, typecheckAll(prior, e.arguments())));
        }
        Type returnType = typeOf(f.returnType());
        boolean failed = false;
        if (e.arguments().size() != f.arity()) {
            errors.add(problems.wrongNumberArguments(span(e), f.arity(), e.arguments().size()));
            failed = true;
        }
        if (f.isConstructor() && e.arguments().size() == 1 && literalValue(e.arguments().get(0)) instanceof StringValue s) {
            try {
                Extensions.call(f.name(), List.of(s));
            } catch (EvaluationException ex) {
                String what = f.returnType() == ValueType.IPADDR ? "IP address"
                        : "a " + f.returnType().cedarName() + " value";
                errors.add(problems.functionArgumentValidation(span(e),
                        "failed to parse as " + what + ": `" + s.toCedar() + "`", ex.getMessage()));
                failed = true;
            }
        }
        if (strict && f.isConstructor() && !e.arguments().stream().allMatch(a -> literalValue(a) != null)) {
            errors.add(problems.nonLiteralExtensionConstructor(span(e)));
            failed = true;
        }
        if (failed) {
            return Answer.fail(new TypedExpr(e, returnType, typecheckAll(prior, e.arguments())));
        }
        List<Answer> arguments = new ArrayList<>(e.arguments().size());
        for (int i = 0; i < e.arguments().size(); i++) {
            arguments.add(expectType(prior, e.arguments().get(i), typeOf(f.argumentTypes().get(i)), t -> null));
        }
        Answer result = Answer.success(new TypedExpr(e, returnType, exprs(arguments)));
        return allOk(arguments) ? result : result.fail();
    }

    private List<TypedExpr> typecheckAll(Capabilities prior, List<Expr> nodes) {
        List<TypedExpr> typed = new ArrayList<>(nodes.size());
        for (Expr n : nodes) {
            typed.add(typecheck(prior, n).expr());
        }
        return typed;
    }

    private Type typeOf(ValueType type) {
        return schema.type(ResolvedSchema.typeOf(type));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Typechecks {@code e} and requires its type to be a subtype of one of {@code expected} (with width
     * subtyping for records and entity types under any entity, whatever the mode); reports an
     * unexpected type otherwise, and then the result has no type.
     */
    private Answer expectOneOf(Capabilities prior, Expr e, List<Type> expected, Function<Type, String> help) {
        Answer actual = typecheck(prior, e);
        Type t = actual.type();
        if (t == null) {
            return Answer.fail(actual.expr());
        }
        for (Type x : expected) {
            if (Type.isSubtype(t, x, ValidationMode.PERMISSIVE)) {
                return actual;
            }
        }
        errors.add(problems.unexpectedType(span(e), expected, t, help.apply(t)));
        return Answer.fail(actual.expr().withType(null));
    }

    private Answer expectType(Capabilities prior, Expr e, Type expected, Function<Type, String> help) {
        return expectOneOf(prior, e, List.of(expected), help);
    }

    /** The least upper bound of the types, or {@code null} (after reporting why, when all were known). */
    private Type leastUpperBoundOrError(Expr e, List<Type> types, Problems.LubContext context) {
        for (Type t : types) {
            if (t == null) {
                return null;
            }
        }
        Type.Lub lub = Type.leastUpperBound(types, mode);
        if (!lub.exists()) {
            errors.add(problems.incompatibleTypes(span(e), types, lub.hint(), context));
            return null;
        }
        return lub.type();
    }

    /** The attribute's type on an entity or record type; {@code null} when unknown or absent. */
    private Type.Attribute lookupAttribute(Type t, String attribute) {
        if (t instanceof Type.RecordType r) {
            return r.attribute(attribute);
        }
        if (t instanceof Type.EntityLubType lub) {
            return entityAttributes(lub).get(attribute);
        }
        return null;
    }

    /** The attributes entities of any of these types have: their least upper bound. */
    private Map<String, Type.Attribute> entityAttributes(Type.EntityLubType lub) {
        Map<String, Type.Attribute> attributes = null;
        for (EntityType name : lub.types()) {
            Type.RecordType declared = schema.attributes(name);
            Map<String, Type.Attribute> these = declared == null ? Map.of() : declared.attributes();
            attributes = attributes == null ? these : Type.permissiveAttributesLub(attributes, these);
        }
        return attributes;
    }

    private List<String> knownAttributes(Type t) {
        if (t instanceof Type.RecordType r) {
            return List.copyOf(r.attributes().keySet());
        }
        if (t instanceof Type.EntityLubType lub) {
            return List.copyOf(entityAttributes(lub).keySet());
        }
        return List.of();
    }

    /** Whether values of the type may have the attribute (records and entities whose attributes are not all known). */
    private boolean mayHaveAttribute(Type t, String attribute) {
        if (t instanceof Type.NeverType || t instanceof Type.AnyEntityType) {
            return true;
        }
        if (t instanceof Type.EntityLubType lub) {
            for (EntityType name : lub.types()) {
                if (!name.isAction() && schema.entityType(name) == null) {
                    return true; // not declared: nothing is known about its attributes
                }
            }
            for (EntityType name : lub.types()) {
                Type.RecordType declared = schema.attributes(name);
                if (declared != null && declared.attribute(attribute) != null) {
                    return true;
                }
            }
            return false;
        }
        if (t instanceof Type.RecordType r) {
            return r.open() || r.attribute(attribute) != null;
        }
        return false;
    }

    private static List<Type> listOf(Type a, Type b) {
        List<Type> list = new ArrayList<>(2);
        list.add(a);
        list.add(b);
        return list;
    }

    private static List<Type> types(List<Answer> answers) {
        List<Type> types = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            types.add(a.type());
        }
        return types;
    }

    private static List<TypedExpr> exprs(List<Answer> answers) {
        List<TypedExpr> exprs = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            exprs.add(a.expr());
        }
        return exprs;
    }

    private static boolean allOk(List<Answer> answers) {
        for (Answer a : answers) {
            if (!a.ok()) {
                return false;
            }
        }
        return true;
    }
}
