package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
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
 * Lowers an expression, once, to a tree of small evaluator objects ({@link Node}), one class per
 * expression form and operator, so that evaluating it is a chain of direct virtual calls: no visitor, no
 * switch on the operator, no depth counter, a {@code like} pattern flattened once. Constants are folded
 * only where that cannot change an outcome: a set or record literal of literals, and an extension call on
 * literals that succeeds (one that fails is left to fail when evaluated, as the interpreter does).
 *
 * <p>Every node does what the {@link Interpreter} does for its form, through the same {@link Operators}
 * and {@link EntityOps}, in the same order, so it gives the same value or the same error. Only trees of
 * bounded depth are compiled (see {@link CompiledPolicy}): a node tree has no depth limit of its own.
 */
final class Compiler {
    private Compiler() {
    }

    /** A compiled expression: its value for one request. */
    abstract static class Node {
        abstract Value eval(Request r, EntityProvider es);
    }

    static Node compile(Expr e) {
        if (e instanceof Expr.Literal l) {
            return new Lit(l.value());
        } else if (e instanceof Expr.Var v) {
            return switch (v.variable()) {
                case PRINCIPAL -> PRINCIPAL;
                case ACTION -> ACTION;
                case RESOURCE -> RESOURCE;
                case CONTEXT -> CONTEXT;
            };
        } else if (e instanceof Expr.If i) {
            return new If(compile(i.condition()), compile(i.thenExpr()), compile(i.elseExpr()));
        } else if (e instanceof Expr.And a) {
            return new And(compile(a.left()), compile(a.right()));
        } else if (e instanceof Expr.Or o) {
            return new Or(compile(o.left()), compile(o.right()));
        } else if (e instanceof Expr.Unary u) {
            Node operand = compile(u.operand());
            return switch (u.op()) {
                case NOT -> new Not(operand);
                default -> new Unary(u.op(), operand);
            };
        } else if (e instanceof Expr.Binary b) {
            return binary(b.op(), compile(b.left()), compile(b.right()));
        } else if (e instanceof Expr.GetAttr g) {
            if (g.target() instanceof Expr.Var v && v.variable() != Variable.CONTEXT) {
                return new VarAttr(v.variable(), g.attribute());
            }
            return new GetAttr(compile(g.target()), g.attribute());
        } else if (e instanceof Expr.HasAttr h) {
            return new HasAttr(compile(h.target()), h.attribute());
        } else if (e instanceof Expr.Like l) {
            return new Like(compile(l.target()), Operators.flatten(l.pattern()));
        } else if (e instanceof Expr.Is i) {
            return new Is(compile(i.target()), i.entityType());
        } else if (e instanceof Expr.SetLit s) {
            return setLit(s);
        } else if (e instanceof Expr.RecordLit r) {
            return recordLit(r);
        } else if (e instanceof Expr.ExtensionCall c) {
            return extensionCall(c);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private static Node binary(BinaryOp op, Node left, Node right) {
        return switch (op) {
            case EQ -> new Eq(left, right);
            case NOT_EQ -> new NotEq(left, right);
            case IN -> right instanceof Lit l && l.value instanceof EntityUid target
                    ? new InEntity(left, target) : new In(left, right);
            default -> new Binary(op, left, right);
        };
    }

    private static Node setLit(Expr.SetLit s) {
        Node[] elements = new Node[s.elements().size()];
        boolean constant = true;
        for (int i = 0; i < elements.length; i++) {
            elements[i] = compile(s.elements().get(i));
            constant &= elements[i] instanceof Lit;
        }
        SetLit node = new SetLit(elements);
        return constant ? new Lit(node.eval(null, null)) : node;
    }

    private static Node recordLit(Expr.RecordLit r) {
        // evaluated in the order of the sorted attribute names, as the interpreter does
        List<String> names = new ArrayList<>(r.fields().keySet());
        names.sort(EntityOps::compareCodePoints);
        Node[] values = new Node[names.size()];
        boolean constant = true;
        for (int i = 0; i < values.length; i++) {
            values[i] = compile(r.fields().get(names.get(i)));
            constant &= values[i] instanceof Lit;
        }
        RecordLit node = new RecordLit(names.toArray(String[]::new), values);
        return constant ? new Lit(node.eval(null, null)) : node;
    }

    private static Node extensionCall(Expr.ExtensionCall c) {
        Node[] arguments = new Node[c.arguments().size()];
        boolean constant = true;
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = compile(c.arguments().get(i));
            constant &= arguments[i] instanceof Lit;
        }
        ExtensionFunction function = Extensions.function(c.function());
        Node node = function == null || function.arity() != arguments.length || arguments.length == 0 || arguments.length > 2
                ? new ExtensionCall(c.function(), arguments)
                : new KnownCall(function, arguments);
        if (constant) {
            try {
                return new Lit(node.eval(null, null));
            } catch (RuntimeException e) {
                return node; // fails when evaluated, with the same error, and only if evaluation gets there
            }
        }
        return node;
    }

    // ---- leaves ----

    static final class Lit extends Node {
        final Value value;

        Lit(Value value) {
            this.value = value;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return value;
        }
    }

    private static final Node PRINCIPAL = new Node() {
        @Override
        Value eval(Request r, EntityProvider es) {
            return r.principal();
        }
    };

    private static final Node ACTION = new Node() {
        @Override
        Value eval(Request r, EntityProvider es) {
            return r.action();
        }
    };

    private static final Node RESOURCE = new Node() {
        @Override
        Value eval(Request r, EntityProvider es) {
            return r.resource();
        }
    };

    private static final Node CONTEXT = new Node() {
        @Override
        Value eval(Request r, EntityProvider es) {
            return r.context();
        }
    };

    // ---- control ----

    private static final class If extends Node {
        private final Node condition;
        private final Node then;
        private final Node otherwise;

        If(Node condition, Node then, Node otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return asBool(condition.eval(r, es)) ? then.eval(r, es) : otherwise.eval(r, es);
        }
    }

    private static final class And extends Node {
        private final Node left;
        private final Node right;

        And(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            if (!asBool(left.eval(r, es))) {
                return BoolValue.FALSE;
            }
            return BoolValue.of(asBool(right.eval(r, es)));
        }
    }

    private static final class Or extends Node {
        private final Node left;
        private final Node right;

        Or(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            if (asBool(left.eval(r, es))) {
                return BoolValue.TRUE;
            }
            return BoolValue.of(asBool(right.eval(r, es)));
        }
    }

    // ---- operators ----

    private static final class Not extends Node {
        private final Node operand;

        Not(Node operand) {
            this.operand = operand;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return BoolValue.of(!asBool(operand.eval(r, es)));
        }
    }

    private static final class Unary extends Node {
        private final io.cedarwood.engine.ast.UnaryOp op;
        private final Node operand;

        Unary(io.cedarwood.engine.ast.UnaryOp op, Node operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return Operators.unary(op, operand.eval(r, es));
        }
    }

    private static final class Eq extends Node {
        private final Node left;
        private final Node right;

        Eq(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value l = left.eval(r, es);
            return BoolValue.of(l.equals(right.eval(r, es)));
        }
    }

    private static final class NotEq extends Node {
        private final Node left;
        private final Node right;

        NotEq(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value l = left.eval(r, es);
            return BoolValue.of(!l.equals(right.eval(r, es)));
        }
    }

    /** {@code e in Type::"id"}: one hash lookup in the entity's ancestors once {@code e} is an entity. */
    private static final class InEntity extends Node {
        private final Node left;
        private final EntityUid target;

        InEntity(Node left, EntityUid target) {
            this.left = left;
            this.target = target;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value l = left.eval(r, es);
            if (l instanceof EntityUid uid) {
                return BoolValue.of(EntityOps.isIn(es, uid, target));
            }
            return EntityOps.in(es, l, target);
        }
    }

    private static final class In extends Node {
        private final Node left;
        private final Node right;

        In(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value l = left.eval(r, es);
            return EntityOps.in(es, l, right.eval(r, es));
        }
    }

    /** The other two-operand operators, each as the interpreter applies it. */
    private static final class Binary extends Node {
        private final BinaryOp op;
        private final Node left;
        private final Node right;

        Binary(BinaryOp op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value l = left.eval(r, es);
            Value rv = right.eval(r, es);
            return switch (op) {
                case LESS, LESS_EQ, GREATER, GREATER_EQ -> Operators.compare(op, l, rv);
                case ADD, SUB, MUL -> Operators.arithmetic(op, l, rv);
                case CONTAINS -> Operators.contains(l, rv);
                case CONTAINS_ALL -> Operators.containsAll(l, rv);
                case CONTAINS_ANY -> Operators.containsAny(l, rv);
                case HAS_TAG -> EntityOps.hasTag(es, asEntity(l), asString(rv));
                case GET_TAG -> EntityOps.getTag(es, asEntity(l), asString(rv));
                case EQ, NOT_EQ, IN -> throw new IllegalStateException("compiled on its own: " + op);
            };
        }
    }

    /** {@code principal.a}, {@code resource.a}, {@code action.a}: straight to the entity's attributes. */
    private static final class VarAttr extends Node {
        private final Variable variable;
        private final String attribute;

        VarAttr(Variable variable, String attribute) {
            this.variable = variable;
            this.attribute = attribute;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            EntityUid uid = switch (variable) {
                case PRINCIPAL -> r.principal();
                case ACTION -> r.action();
                case RESOURCE -> r.resource();
                case CONTEXT -> throw new IllegalStateException("context is a record");
            };
            return EntityOps.entityAttr(es, uid, attribute);
        }
    }

    private static final class GetAttr extends Node {
        private final Node target;
        private final String attribute;

        GetAttr(Node target, String attribute) {
            this.target = target;
            this.attribute = attribute;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return EntityOps.getAttr(es, target.eval(r, es), attribute);
        }
    }

    private static final class HasAttr extends Node {
        private final Node target;
        private final String attribute;

        HasAttr(Node target, String attribute) {
            this.target = target;
            this.attribute = attribute;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return EntityOps.hasAttr(es, target.eval(r, es), attribute);
        }
    }

    private static final class Like extends Node {
        private final Node target;
        private final int[] pattern;

        Like(Node target, int[] pattern) {
            this.target = target;
            this.pattern = pattern;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return BoolValue.of(Operators.like(asString(target.eval(r, es)), pattern));
        }
    }

    private static final class Is extends Node {
        private final Node target;
        private final EntityType type;

        Is(Node target, EntityType type) {
            this.target = target;
            this.type = type;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            return BoolValue.of(asEntity(target.eval(r, es)).type().equals(type));
        }
    }

    // ---- constructors ----

    private static final class SetLit extends Node {
        private final Node[] elements;

        SetLit(Node[] elements) {
            this.elements = elements;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Set<Value> values = new LinkedHashSet<>();
            for (Node element : elements) {
                values.add(element.eval(r, es));
            }
            return new SetValue(values);
        }
    }

    private static final class RecordLit extends Node {
        private final String[] names;
        private final Node[] values;

        RecordLit(String[] names, Node[] values) {
            this.names = names;
            this.values = values;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Map<String, Value> attributes = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                attributes.put(names[i], values[i].eval(r, es));
            }
            return new RecordValue(attributes);
        }
    }

    /**
     * A call of an extension function that exists, with as many arguments (one or two) as it takes: what
     * {@link Extensions#call} does once it has found the function and checked the count, done here. For
     * the common functions, arguments of the right types are handled here, without the argument list;
     * anything else (a wrong type, an overflow) goes to the function itself, which gives its error.
     */
    private static final class KnownCall extends Node {
        private final ExtensionFunction.Implementation implementation;
        private final String name;
        private final Node first;
        private final Node second;

        KnownCall(ExtensionFunction function, Node[] arguments) {
            this.implementation = function.implementation();
            this.name = function.name();
            this.first = arguments[0];
            this.second = arguments.length == 2 ? arguments[1] : null;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            Value a = first.eval(r, es);
            Value b = second == null ? null : second.eval(r, es);
            Value direct = direct(a, b);
            if (direct != null) {
                return direct;
            }
            return implementation.apply(b == null ? List.of(a) : List.of(a, b));
        }

        /** The result for arguments of the right types, as the function computes it; else {@code null}. */
        private Value direct(Value a, Value b) {
            if (a instanceof IpAddrValue ip) {
                return switch (name) {
                    case "isIpv4" -> BoolValue.of(ip.isIpv4());
                    case "isIpv6" -> BoolValue.of(ip.isIpv6());
                    case "isLoopback" -> BoolValue.of(ip.isLoopback());
                    case "isMulticast" -> BoolValue.of(ip.isMulticast());
                    case "isInRange" -> b instanceof IpAddrValue range ? BoolValue.of(ip.isInRange(range)) : null;
                    default -> null;
                };
            } else if (a instanceof DecimalValue x && b instanceof DecimalValue y) {
                return switch (name) {
                    case "lessThan" -> BoolValue.of(x.compareTo(y) < 0);
                    case "lessThanOrEqual" -> BoolValue.of(x.compareTo(y) <= 0);
                    case "greaterThan" -> BoolValue.of(x.compareTo(y) > 0);
                    case "greaterThanOrEqual" -> BoolValue.of(x.compareTo(y) >= 0);
                    default -> null;
                };
            } else if (a instanceof DatetimeValue d) {
                return name.equals("toTime") && b == null ? d.toTime() : null;
            } else if (a instanceof DurationValue d && b == null) {
                return switch (name) {
                    case "toMilliseconds" -> LongValue.of(d.millis());
                    case "toSeconds" -> LongValue.of(d.toSeconds());
                    case "toMinutes" -> LongValue.of(d.toMinutes());
                    case "toHours" -> LongValue.of(d.toHours());
                    case "toDays" -> LongValue.of(d.toDays());
                    default -> null;
                };
            }
            return null;
        }
    }

    private static final class ExtensionCall extends Node {
        private final String function;
        private final Node[] arguments;

        ExtensionCall(String function, Node[] arguments) {
            this.function = function;
            this.arguments = arguments;
        }

        @Override
        Value eval(Request r, EntityProvider es) {
            List<Value> values = new ArrayList<>(arguments.length);
            for (Node argument : arguments) {
                values.add(argument.eval(r, es));
            }
            return Extensions.call(function, values);
        }
    }
}
