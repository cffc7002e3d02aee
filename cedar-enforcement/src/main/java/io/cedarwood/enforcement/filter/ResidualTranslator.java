package io.cedarwood.enforcement.filter;

import io.cedarwood.enforcement.filter.Filter.Comparison;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A residual condition over {@code resource} to the filters of the resources for which it is {@code true}
 * and for which it is {@code false}. A residual may also error for some resources (a missing entity or
 * attribute): those are in neither, as Cedar counts an erroring policy as not satisfied. Both are built
 * without negating anything that could be missing: {@code !e} is true where {@code e} is false, and an
 * atom's "false" filter states that the value is there.
 */
final class ResidualTranslator {
    /** The resources for which an expression is {@code true}, and those for which it is {@code false}. */
    record Sides(Filter whenTrue, Filter whenFalse) {
        Sides negate() {
            return new Sides(whenFalse, whenTrue);
        }

        static Sides unknown(String reason) {
            Filter u = new Filter.Unknown(reason);
            return new Sides(u, u);
        }
    }

    private final Schema schema;
    private final EntityType resourceType;
    private final EntityProvider entities;

    ResidualTranslator(Schema schema, EntityType resourceType, EntityProvider entities) {
        this.schema = schema;
        this.resourceType = resourceType;
        this.entities = entities;
    }

    Sides translate(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof BoolValue b ? new Sides(constant(b.value()), constant(!b.value()))
                    : Sides.unknown("`" + l.value().toCedar() + "` is not a boolean");
        } else if (e instanceof Expr.And a) {
            Sides l = translate(a.left());
            Sides r = translate(a.right());
            return new Sides(Filter.and(l.whenTrue(), r.whenTrue()),
                    Filter.or(l.whenFalse(), Filter.and(l.whenTrue(), r.whenFalse())));
        } else if (e instanceof Expr.Or o) {
            Sides l = translate(o.left());
            Sides r = translate(o.right());
            return new Sides(Filter.or(l.whenTrue(), Filter.and(l.whenFalse(), r.whenTrue())),
                    Filter.and(l.whenFalse(), r.whenFalse()));
        } else if (e instanceof Expr.If i) {
            Sides c = translate(i.condition());
            Sides t = translate(i.thenExpr());
            Sides f = translate(i.elseExpr());
            return new Sides(
                    Filter.or(Filter.and(c.whenTrue(), t.whenTrue()), Filter.and(c.whenFalse(), f.whenTrue())),
                    Filter.or(Filter.and(c.whenTrue(), t.whenFalse()), Filter.and(c.whenFalse(), f.whenFalse())));
        } else if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
            return translate(u.operand()).negate();
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.HasAttr h) {
            Optional<AttributePath> path = path(h.target());
            if (path.isEmpty()) {
                return Sides.unknown("`has` on " + describe(h.target()));
            }
            Filter there = present(path.get());
            Filter has = new Filter.Present(path.get().then(h.attribute()));
            return new Sides(has, Filter.and(there, Filter.not(has)));
        } else if (e instanceof Expr.Like l) {
            Optional<AttributePath> path = path(l.target());
            if (path.isEmpty()) {
                return Sides.unknown("`like` on " + describe(l.target()));
            }
            Filter like = new Filter.Like(path.get(), l.pattern());
            return new Sides(like, Filter.and(present(path.get()), Filter.not(like)));
        } else if (e instanceof Expr.Is is) {
            Optional<AttributePath> path = path(is.target());
            Optional<SchemaType> type = path.flatMap(this::typeAt);
            if (type.isEmpty() || !(type.get() instanceof SchemaType.EntityRefType ref)) {
                return Sides.unknown("`is` on " + describe(is.target()));
            }
            Filter there = present(path.get());
            return ref.entityType().equals(is.entityType()) ? new Sides(there, Filter.FALSE)
                    : new Sides(Filter.FALSE, there);
        } else if (e instanceof Expr.GetAttr) {
            Optional<AttributePath> path = path(e);
            if (path.isPresent()) {
                return new Sides(new Filter.Compare(path.get(), Comparison.EQ, BoolValue.TRUE),
                        new Filter.Compare(path.get(), Comparison.EQ, BoolValue.FALSE));
            }
        } else if (e instanceof Expr.ExtensionCall call) {
            return Sides.unknown("the extension function `" + call.function() + "`");
        }
        return Sides.unknown(describe(e));
    }

    private Sides binary(Expr.Binary b) {
        switch (b.op()) {
            case EQ, NOT_EQ, LESS, LESS_EQ, GREATER, GREATER_EQ -> {
                Comparison op = comparison(b.op());
                Optional<AttributePath> left = path(b.left());
                Optional<AttributePath> right = path(b.right());
                Optional<Value> leftValue = literal(b.left());
                Optional<Value> rightValue = literal(b.right());
                if (left.isPresent() && rightValue.isPresent()) {
                    return compare(left.get(), op, rightValue.get());
                } else if (right.isPresent() && leftValue.isPresent()) {
                    return compare(right.get(), op.flip(), leftValue.get());
                }
                return Sides.unknown("`" + b.op().symbol() + "` between " + describe(b.left()) + " and "
                        + describe(b.right()));
            }
            case IN -> {
                return in(b.left(), b.right());
            }
            default -> {
                return Sides.unknown("`" + b.op().symbol() + "`");
            }
        }
    }

    private Sides compare(AttributePath path, Comparison op, Value value) {
        boolean scalar = value instanceof StringValue || value instanceof LongValue || value instanceof BoolValue
                || value instanceof EntityUid;
        if (!scalar) {
            return Sides.unknown("`" + op.symbol() + "` with `" + value.toCedar() + "`");
        }
        if (op != Comparison.EQ && op != Comparison.NOT_EQ && !(value instanceof LongValue)) {
            return Sides.unknown("`" + op.symbol() + "` with `" + value.toCedar() + "`");
        }
        return new Sides(new Filter.Compare(path, op, value), new Filter.Compare(path, op.negate(), value));
    }

    /** {@code x in path}: the entity at the path is x or one of x's ancestors; {@code path in e}: a descendant. */
    private Sides in(Expr left, Expr right) {
        Optional<Value> leftValue = literal(left);
        Optional<AttributePath> rightPath = path(right);
        if (leftValue.isPresent() && leftValue.get() instanceof EntityUid member && rightPath.isPresent()) {
            if (!(typeAt(rightPath.get()).orElse(null) instanceof SchemaType.EntityRefType)) {
                return Sides.unknown("`in` " + describe(right) + ", which is not an entity");
            }
            Set<EntityUid> groups = new LinkedHashSet<>();
            groups.add(member);
            groups.addAll(entities.ancestors(member));
            Filter oneOf = new Filter.OneOf(rightPath.get(), groups);
            return new Sides(oneOf, Filter.and(present(rightPath.get()), Filter.not(oneOf)));
        }
        Optional<AttributePath> leftPath = path(left);
        if (leftPath.isPresent()) {
            Optional<SchemaType> type = typeAt(leftPath.get());
            if (!(type.orElse(null) instanceof SchemaType.EntityRefType ref)) {
                return Sides.unknown(describe(left) + " `in`, which is not an entity");
            }
            List<EntityUid> targets = new ArrayList<>();
            Optional<Value> rightValue = literal(right);
            if (rightValue.isPresent() && rightValue.get() instanceof EntityUid uid) {
                targets.add(uid);
            } else if (rightValue.isPresent()
                    && rightValue.get() instanceof io.cedarwood.engine.value.SetValue set
                    && set.elements().stream().allMatch(v -> v instanceof EntityUid)) {
                set.elements().forEach(v -> targets.add((EntityUid) v));
            } else {
                return Sides.unknown(describe(left) + " `in` " + describe(right));
            }
            List<Filter> any = new ArrayList<>();
            for (EntityUid target : targets) {
                any.add(descendant(leftPath.get(), ref.entityType(), target));
            }
            Filter holds = Filter.or(any.toArray(Filter[]::new));
            return new Sides(holds, Filter.and(present(leftPath.get()), Filter.not(holds)));
        }
        return Sides.unknown(describe(left) + " `in` " + describe(right));
    }

    /**
     * The entity of type {@code type} at {@code path} is {@code target} or in it. The schema says which types
     * can be ancestors of which: when {@code target}'s type cannot be one of {@code type}'s, this is equality.
     */
    private Filter descendant(AttributePath path, EntityType type, EntityUid target) {
        boolean canBeAncestor = schema.entityType(type).map(EntityTypeDef::ancestorTypes)
                .map(a -> a.contains(target.type())).orElse(true);
        if (canBeAncestor) {
            return new Filter.Descendant(path, target);
        }
        return target.type().equals(type) ? new Filter.Compare(path, Comparison.EQ, target) : Filter.FALSE;
    }

    /**
     * The resources for which the value at the path is there: the resource always is, and so is an attribute the
     * schema requires of it (typed partial evaluation already assumes entities that conform to the schema).
     * Further on, an entity the resource names may not exist.
     */
    private Filter present(AttributePath path) {
        if (path.isResource()) {
            return Filter.TRUE;
        }
        if (path.attributes().size() == 1) {
            SchemaType.AttributeType a = schema.entityType(resourceType)
                    .map(d -> d.shape().attribute(path.attributes().get(0))).orElse(null);
            if (a != null && a.required()) {
                return Filter.TRUE;
            }
        }
        return new Filter.Present(path);
    }

    private static Filter constant(boolean value) {
        return value ? Filter.TRUE : Filter.FALSE;
    }

    /** {@code resource}, {@code resource.a}, {@code resource.a.b}: the path; anything else: empty. */
    static Optional<AttributePath> path(Expr e) {
        if (e instanceof Expr.Var v && v.variable() == Variable.RESOURCE) {
            return Optional.of(AttributePath.RESOURCE);
        } else if (e instanceof Expr.GetAttr g) {
            return path(g.target()).map(p -> p.then(g.attribute()));
        }
        return Optional.empty();
    }

    private static Optional<Value> literal(Expr e) {
        if (e instanceof Expr.Literal l) {
            return Optional.of(l.value());
        } else if (e instanceof Expr.SetLit s) {
            List<Value> values = new ArrayList<>();
            for (Expr element : s.elements()) {
                if (!(element instanceof Expr.Literal l)) {
                    return Optional.empty();
                }
                values.add(l.value());
            }
            return Optional.of(io.cedarwood.engine.value.SetValue.of(values));
        }
        return Optional.empty();
    }

    /** The schema's type of the value at {@code path}. */
    private Optional<SchemaType> typeAt(AttributePath path) {
        SchemaType type = new SchemaType.EntityRefType(resourceType);
        for (String attribute : path.attributes()) {
            SchemaType.RecordType record;
            if (type instanceof SchemaType.EntityRefType ref) {
                Optional<EntityTypeDef> def = schema.entityType(ref.entityType());
                if (def.isEmpty()) {
                    return Optional.empty();
                }
                record = def.get().shape();
            } else if (type instanceof SchemaType.RecordType r) {
                record = r;
            } else {
                return Optional.empty();
            }
            SchemaType.AttributeType a = record.attribute(attribute);
            if (a == null) {
                return Optional.empty();
            }
            type = a.type();
        }
        return Optional.of(type);
    }

    private static Comparison comparison(BinaryOp op) {
        return switch (op) {
            case EQ -> Comparison.EQ;
            case NOT_EQ -> Comparison.NOT_EQ;
            case LESS -> Comparison.LESS;
            case LESS_EQ -> Comparison.LESS_EQ;
            case GREATER -> Comparison.GREATER;
            case GREATER_EQ -> Comparison.GREATER_EQ;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    private static String describe(Expr e) {
        Optional<AttributePath> path = path(e);
        if (path.isPresent()) {
            return "`" + path.get() + "`";
        } else if (e instanceof Expr.Literal l) {
            return "`" + l.value().toCedar() + "`";
        } else if (e instanceof Expr.Binary b) {
            return "`" + b.op().symbol() + "`";
        } else if (e instanceof Expr.Unary u) {
            return "`" + u.op().name().toLowerCase(java.util.Locale.ROOT) + "`";
        } else if (e instanceof Expr.ExtensionCall c) {
            return "the extension function `" + c.function() + "`";
        }
        return "an expression of kind `" + e.getClass().getSimpleName() + "`";
    }
}
