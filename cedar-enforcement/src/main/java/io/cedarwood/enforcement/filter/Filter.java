package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A condition on the resources of one type: what is left of the policies once the principal, the action and
 * the context are known, in a form a database can answer. Every part is two-valued: a part about an
 * attribute holds only when the attribute is there (each entity on the way exists and has it), so
 * {@link Not} never turns a missing attribute into a match. {@link Unknown} marks what could not be
 * translated: {@link #certain()} and {@link #candidates()} give the two filters without it.
 */
public sealed interface Filter {
    Filter TRUE = new Constant(true);
    Filter FALSE = new Constant(false);

    /** {@code true} or {@code false} for every resource. */
    record Constant(boolean value) implements Filter {
    }

    /** Every part holds. */
    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** One part at least holds. */
    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** The part does not hold. */
    record Not(Filter part) implements Filter {
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }

    /** The value at {@code path} is there. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The value at {@code path} is there and compares so with {@code value}: {@code ==} and {@code !=} as
     * Cedar compares values (of another type: not equal), the orderings on {@code Long}s only.
     */
    record Compare(AttributePath path, Comparison op, Value value) implements Filter {
        public Compare {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The value at {@code path} is one of these entities. */
    record OneOf(AttributePath path, Set<EntityUid> entities) implements Filter {
        public OneOf {
            Objects.requireNonNull(path, "path");
            entities = Set.copyOf(entities);
        }
    }

    /** The value at {@code path} is the entity {@code ancestor}, or an entity that is {@code in} it. */
    record Descendant(AttributePath path, EntityUid ancestor) implements Filter {
        public Descendant {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(ancestor, "ancestor");
        }
    }

    /** The value at {@code path} is a string that matches Cedar's {@code like} pattern. */
    record Like(AttributePath path, Pattern pattern) implements Filter {
        public Like {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** A part that could not be translated, and why: the resources it concerns need a decision of their own. */
    record Unknown(String reason) implements Filter {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The orderings and equalities of {@link Compare}. */
    enum Comparison {
        EQ("=="), NOT_EQ("!="), LESS("<"), LESS_EQ("<="), GREATER(">"), GREATER_EQ(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The comparison that holds exactly when this one does not (for values that are there and compare). */
        public Comparison negate() {
            return switch (this) {
                case EQ -> NOT_EQ;
                case NOT_EQ -> EQ;
                case LESS -> GREATER_EQ;
                case LESS_EQ -> GREATER;
                case GREATER -> LESS_EQ;
                case GREATER_EQ -> LESS;
            };
        }

        /** The comparison with its operands swapped: {@code 5 < x} is {@code x > 5}. */
        public Comparison flip() {
            return switch (this) {
                case EQ, NOT_EQ -> this;
                case LESS -> GREATER;
                case LESS_EQ -> GREATER_EQ;
                case GREATER -> LESS;
                case GREATER_EQ -> LESS_EQ;
            };
        }
    }

    /** Every part holds, folding constants. */
    static Filter and(Filter... parts) {
        List<Filter> out = new ArrayList<>();
        for (Filter p : parts) {
            if (p.equals(FALSE)) {
                return FALSE;
            } else if (p instanceof And a) {
                out.addAll(a.parts());
            } else if (!p.equals(TRUE)) {
                out.add(p);
            }
        }
        return out.isEmpty() ? TRUE : out.size() == 1 ? out.get(0) : new And(out);
    }

    /** One part at least holds, folding constants. */
    static Filter or(Filter... parts) {
        List<Filter> out = new ArrayList<>();
        for (Filter p : parts) {
            if (p.equals(TRUE)) {
                return TRUE;
            } else if (p instanceof Or o) {
                out.addAll(o.parts());
            } else if (!p.equals(FALSE)) {
                out.add(p);
            }
        }
        return out.isEmpty() ? FALSE : out.size() == 1 ? out.get(0) : new Or(out);
    }

    /** The part does not hold, folding constants and double negation. */
    static Filter not(Filter part) {
        if (part instanceof Constant c) {
            return c.value() ? FALSE : TRUE;
        } else if (part instanceof Not n) {
            return n.part();
        }
        return new Not(part);
    }

    /** Whether some part is {@link Unknown}. */
    default boolean hasUnknown() {
        return !unknowns().isEmpty();
    }

    /** The {@link Unknown} parts, in order. */
    default List<Unknown> unknowns() {
        List<Unknown> out = new ArrayList<>();
        collectUnknowns(this, out);
        return List.copyOf(out);
    }

    private static void collectUnknowns(Filter f, List<Unknown> out) {
        if (f instanceof Unknown u) {
            out.add(u);
        } else if (f instanceof And a) {
            a.parts().forEach(p -> collectUnknowns(p, out));
        } else if (f instanceof Or o) {
            o.parts().forEach(p -> collectUnknowns(p, out));
        } else if (f instanceof Not n) {
            collectUnknowns(n.part(), out);
        }
    }

    /** A filter that implies this one, without {@link Unknown}: what it holds for surely holds here. */
    default Filter certain() {
        return bound(this, false);
    }

    /** A filter this one implies, without {@link Unknown}: what it does not hold for surely does not hold here. */
    default Filter candidates() {
        return bound(this, true);
    }

    /**
     * The in-memory backend: this filter (without {@link Unknown}) as a predicate over resource entities, which
     * follows references ({@code resource.owner.location}) through {@code entities}.
     *
     * @throws IllegalArgumentException when the filter has an {@link Unknown} part: take {@link #certain()} or
     *         {@link #candidates()}
     */
    default java.util.function.Predicate<io.cedarwood.engine.entities.Entity> toPredicate(
            io.cedarwood.engine.entities.EntityProvider entities) {
        return EntityPredicate.of(this, entities);
    }

    /** Each atom replaced by what {@code rewrite} gives for it (constants, {@link Unknown} and atoms). */
    default Filter rewrite(Function<Filter, Filter> rewrite) {
        if (this instanceof And a) {
            return and(a.parts().stream().map(p -> p.rewrite(rewrite)).toArray(Filter[]::new));
        } else if (this instanceof Or o) {
            return or(o.parts().stream().map(p -> p.rewrite(rewrite)).toArray(Filter[]::new));
        } else if (this instanceof Not n) {
            return not(n.part().rewrite(rewrite));
        } else if (this instanceof Constant) {
            return this;
        }
        return rewrite.apply(this);
    }

    private static Filter bound(Filter f, boolean upper) {
        if (f instanceof Unknown) {
            return upper ? TRUE : FALSE;
        } else if (f instanceof And a) {
            return and(a.parts().stream().map(p -> bound(p, upper)).toArray(Filter[]::new));
        } else if (f instanceof Or o) {
            return or(o.parts().stream().map(p -> bound(p, upper)).toArray(Filter[]::new));
        } else if (f instanceof Not n) {
            return not(bound(n.part(), !upper));
        }
        return f;
    }
}
