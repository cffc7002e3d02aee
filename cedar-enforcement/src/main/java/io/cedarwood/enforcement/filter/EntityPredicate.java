package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A {@link Filter} without {@link Filter.Unknown} as a predicate over resource entities. */
final class EntityPredicate implements Predicate<Entity> {
    private final Filter filter;
    private final EntityProvider entities;

    private EntityPredicate(Filter filter, EntityProvider entities) {
        this.filter = filter;
        this.entities = entities;
    }

    static Predicate<Entity> of(Filter filter, EntityProvider entities) {
        if (filter.hasUnknown()) {
            throw new IllegalArgumentException("a filter with unknown parts has no predicate: take its certain() or candidates()");
        }
        return new EntityPredicate(filter, entities);
    }

    @Override
    public boolean test(Entity resource) {
        return holds(filter, resource);
    }

    private boolean holds(Filter f, Entity resource) {
        if (f instanceof Filter.Constant c) {
            return c.value();
        } else if (f instanceof Filter.And a) {
            for (Filter p : a.parts()) {
                if (!holds(p, resource)) {
                    return false;
                }
            }
            return true;
        } else if (f instanceof Filter.Or o) {
            for (Filter p : o.parts()) {
                if (holds(p, resource)) {
                    return true;
                }
            }
            return false;
        } else if (f instanceof Filter.Not n) {
            return !holds(n.part(), resource);
        } else if (f instanceof Filter.Present p) {
            return valueAt(p.path(), resource) != null;
        } else if (f instanceof Filter.Compare c) {
            Value v = valueAt(c.path(), resource);
            return v != null && compare(v, c.op(), c.value());
        } else if (f instanceof Filter.OneOf o) {
            Value v = valueAt(o.path(), resource);
            return v instanceof EntityUid uid && o.entities().contains(uid);
        } else if (f instanceof Filter.Descendant d) {
            Value v = valueAt(d.path(), resource);
            return v instanceof EntityUid uid && (uid.equals(d.ancestor()) || ancestors(uid, resource).contains(d.ancestor()));
        } else if (f instanceof Filter.Like l) {
            Value v = valueAt(l.path(), resource);
            return v instanceof StringValue s && matches(l.pattern(), s.value());
        }
        throw new IllegalStateException("no predicate for " + f);
    }

    private Set<EntityUid> ancestors(EntityUid uid, Entity resource) {
        if (!uid.equals(resource.uid())) {
            return entities.ancestors(uid);
        }
        Set<EntityUid> out = new HashSet<>(resource.parents());
        for (EntityUid parent : resource.parents()) {
            out.addAll(entities.ancestors(parent));
        }
        return out;
    }

    private static boolean compare(Value v, Filter.Comparison op, Value value) {
        return switch (op) {
            case EQ -> v.equals(value);
            case NOT_EQ -> !v.equals(value);
            default -> {
                if (!(v instanceof LongValue l) || !(value instanceof LongValue r)) {
                    yield false;
                }
                int c = Long.compare(l.value(), r.value());
                yield switch (op) {
                    case LESS -> c < 0;
                    case LESS_EQ -> c <= 0;
                    case GREATER -> c > 0;
                    case GREATER_EQ -> c >= 0;
                    default -> throw new IllegalStateException(op.toString());
                };
            }
        };
    }

    /** The value at {@code path}, or {@code null} when an entity or attribute on the way is missing. */
    private Value valueAt(AttributePath path, Entity resource) {
        Value v = resource.uid();
        for (String attribute : path.attributes()) {
            if (v instanceof EntityUid uid) {
                Entity e = uid.equals(resource.uid()) ? resource : entities.entity(uid);
                if (e == null) {
                    return null;
                }
                v = e.attributes().get(attribute);
            } else if (v instanceof RecordValue r) {
                v = r.attributes().get(attribute);
            } else {
                return null;
            }
            if (v == null) {
                return null;
            }
        }
        return v;
    }

    /** Cedar's {@code like}: code point by code point, {@code *} any sequence of code points. */
    static boolean matches(Pattern pattern, String text) {
        int[] s = text.codePoints().toArray();
        List<Pattern.Element> elements = pattern.elements();
        // positions in the text reachable after each prefix of the pattern
        boolean[] reach = new boolean[s.length + 1];
        reach[0] = true;
        for (Pattern.Element element : elements) {
            boolean[] next = new boolean[s.length + 1];
            if (element instanceof Pattern.Wildcard) {
                boolean any = false;
                for (int i = 0; i <= s.length; i++) {
                    any |= reach[i];
                    next[i] = any;
                }
            } else {
                int[] t = ((Pattern.Text) element).text().codePoints().toArray();
                for (int i = 0; i + t.length <= s.length; i++) {
                    if (reach[i] && java.util.Arrays.equals(s, i, i + t.length, t, 0, t.length)) {
                        next[i + t.length] = true;
                    }
                }
            }
            reach = next;
        }
        return reach[s.length];
    }
}
