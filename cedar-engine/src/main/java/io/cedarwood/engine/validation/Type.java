package io.cedarwood.engine.validation;

import io.cedarwood.engine.value.EntityType;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validator's types: the reference's {@code Type}. Besides the schema's types there are the bottom
 * type {@code Never}, the singleton booleans {@code True} and {@code False}, the type of any entity, unions
 * of entity types (permissive mode only), sets of anything and open records (used as the expected type
 * of an operand, and for least upper bounds in permissive mode).
 *
 * <p>{@link #toString()} writes a type as the reference's messages do ({@code __cedar::internal::False},
 * {@code Set<Long>}, {@code {a: Long,b?: String,}}).
 */
sealed interface Type {
    Type NEVER = new NeverType();
    Type BOOL = new BoolType(BoolKind.ANY);
    Type TRUE = new BoolType(BoolKind.TRUE);
    Type FALSE = new BoolType(BoolKind.FALSE);
    Type LONG = new LongType();
    Type STRING = new StringType();
    Type ANY_ENTITY = new AnyEntityType();
    Type ANY_SET = new SetType(null);
    Type ANY_RECORD = new RecordType(new TreeMap<>(), true);

    Comparator<EntityType> ENTITY_ORDER = Comparator.comparing(EntityType::name);

    enum BoolKind { ANY, TRUE, FALSE }

    /** The bottom type: a subtype of every type, the element type of {@code []} in permissive mode. */
    record NeverType() implements Type {
        @Override
        public String toString() {
            return "__cedar::internal::Never";
        }
    }

    record BoolType(BoolKind kind) implements Type {
        @Override
        public String toString() {
            return switch (kind) {
                case ANY -> "Bool";
                case TRUE -> "__cedar::internal::True";
                case FALSE -> "__cedar::internal::False";
            };
        }
    }

    record LongType() implements Type {
        @Override
        public String toString() {
            return "Long";
        }
    }

    record StringType() implements Type {
        @Override
        public String toString() {
            return "String";
        }
    }

    /** An entity of any type. */
    record AnyEntityType() implements Type {
        @Override
        public String toString() {
            return "__cedar::internal::AnyEntity";
        }
    }

    /** An entity of one of these (one or more) entity types; more than one only in permissive mode. */
    record EntityLubType(SortedSet<EntityType> types) implements Type {
        public EntityLubType {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("an entity union needs at least one entity type");
            }
            TreeSet<EntityType> copy = new TreeSet<>(ENTITY_ORDER);
            copy.addAll(types);
            types = Collections.unmodifiableSortedSet(copy);
        }

        /** The entity type, when there is only one. */
        Optional<EntityType> single() {
            return types.size() == 1 ? Optional.of(types.first()) : Optional.empty();
        }

        @Override
        public String toString() {
            if (types.size() == 1) {
                return types.first().name();
            }
            return "__cedar::internal::Union<" + String.join(", ", types.stream().map(EntityType::name).toList()) + ">";
        }
    }

    /** A set whose elements have type {@code element}; a {@code null} element means any set. */
    record SetType(Type element) implements Type {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            write(this, out);
            return out.toString();
        }
    }

    /**
     * A record type. Closed: records of the type have no other attributes. Open: they may have others
     * (only for expected types and, in permissive mode, least upper bounds).
     */
    record RecordType(SortedMap<String, Attribute> attributes, boolean open) implements Type {
        public RecordType {
            attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        }

        Attribute attribute(String name) {
            return attributes.get(name);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            write(this, out);
            return out.toString();
        }
    }

    /**
     * How many characters of a type a message shows before it writes {@code ...}. The reference writes
     * every type whole; here a type from a schema that names a common type twice at each of many levels
     * would be exponentially long written out (docs/limits.md).
     */
    int MAX_SHOWN_LENGTH = 1_000;

    /** Appends {@code t} as {@link #toString()} writes it, cut with {@code ...} past {@link #MAX_SHOWN_LENGTH}. */
    private static void write(Type t, StringBuilder out) {
        if (t instanceof SetType s) {
            out.append("Set<");
            if (s.element() == null) {
                out.append("__cedar::internal::Any");
            } else {
                write(s.element(), out);
            }
            out.append('>');
        } else if (t instanceof RecordType r) {
            out.append(r.open() ? "__cedar::internal::OpenRecord{" : "{");
            for (Map.Entry<String, Attribute> e : r.attributes().entrySet()) {
                if (out.length() > MAX_SHOWN_LENGTH) {
                    out.append("...");
                    break;
                }
                out.append(e.getKey()).append(e.getValue().required() ? "" : "?").append(": ");
                write(e.getValue().type(), out);
                out.append(',');
            }
            out.append('}');
        } else {
            out.append(t);
        }
    }

    /** An extension type: {@code ipaddr}, {@code decimal}, {@code datetime}, {@code duration}. */
    record ExtensionType(String name) implements Type {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The type of a record attribute and whether records must have it. */
    record Attribute(Type type, boolean required) {
        public Attribute {
            Objects.requireNonNull(type, "type");
        }
    }

    static Type singleton(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Type entity(EntityType type) {
        TreeSet<EntityType> set = new TreeSet<>(ENTITY_ORDER);
        set.add(type);
        return new EntityLubType(set);
    }

    static Type set(Type element) {
        return new SetType(element);
    }

    // ------------------------------------------------------------------ subtyping

    /** Whether every value of {@code t0} is a value of {@code t1} under the mode's rules. */
    static boolean isSubtype(Type t0, Type t1, ValidationMode mode) {
        boolean strict = mode == ValidationMode.STRICT;
        if (t0 instanceof NeverType || t0 == t1) {
            // one object: a type from the schema, shared where the schema names it more than once
            return true;
        }
        if (t0 instanceof BoolType b0 && t1 instanceof BoolType b1) {
            return b1.kind() == BoolKind.ANY || b0.kind() == b1.kind();
        }
        if (t0 instanceof LongType && t1 instanceof LongType || t0 instanceof StringType && t1 instanceof StringType) {
            return true;
        }
        if (t0 instanceof SetType s0 && t1 instanceof SetType s1) {
            if (s1.element() == null) {
                return true;
            }
            return s0.element() != null && isSubtype(s0.element(), s1.element(), mode);
        }
        if (t0 instanceof RecordType r0 && t1 instanceof RecordType r1) {
            // closed records subtype open ones, never the other way; strict mode allows no width subtyping
            return (!r0.open() || r1.open())
                    && ((r1.open() && !strict && attributesSubtype(r0, r1, mode))
                    || attributesSubtypeDepthOnly(r0, r1, mode));
        }
        if (t0 instanceof EntityLubType e0 && t1 instanceof EntityLubType e1) {
            return strict ? e0.types().equals(e1.types()) : e1.types().containsAll(e0.types());
        }
        if (t0 instanceof AnyEntityType && t1 instanceof AnyEntityType) {
            return true;
        }
        if (t0 instanceof EntityLubType && t1 instanceof AnyEntityType) {
            return !strict;
        }
        if (t0 instanceof ExtensionType && t1 instanceof ExtensionType) {
            return t0.equals(t1);
        }
        return false;
    }

    private static boolean attributesSubtype(RecordType r0, RecordType r1, ValidationMode mode) {
        for (Map.Entry<String, Attribute> e : r1.attributes().entrySet()) {
            Attribute a0 = r0.attributes().get(e.getKey());
            if (a0 == null || !attributeSubtype(a0, e.getValue(), mode)) {
                return false;
            }
        }
        return true;
    }

    private static boolean attributesSubtypeDepthOnly(RecordType r0, RecordType r1, ValidationMode mode) {
        return r0.attributes().keySet().equals(r1.attributes().keySet()) && attributesSubtype(r0, r1, mode);
    }

    private static boolean attributeSubtype(Attribute a0, Attribute a1, ValidationMode mode) {
        boolean qualifier = mode == ValidationMode.STRICT ? a0.required() == a1.required()
                : a0.required() || !a1.required();
        return qualifier && isSubtype(a0.type(), a1.type(), mode);
    }

    // ------------------------------------------------------------------ least upper bound

    /** Why two types have no least upper bound: the reference's hints. */
    enum LubHint {
        ATTRIBUTE_QUALIFIER("corresponding attributes of compatible record types must have the same optionality, "
                + "either both being required or both being optional"),
        RECORD_WIDTH("compatible record types must have exactly the same attributes"),
        ENTITY_TYPE("different entity types are never compatible even when their attributes would be compatible"),
        ENTITY_RECORD("entity and record types are never compatible even when their attributes would be compatible"),
        NONE("types must be exactly equal to be compatible");

        final String text;

        LubHint(String text) {
            this.text = text;
        }
    }

    /** The result of a least upper bound: the type, or why there is none. */
    record Lub(Type type, LubHint hint) {
        static Lub of(Type type) {
            return new Lub(type, null);
        }

        static Lub none(LubHint hint) {
            return new Lub(null, hint);
        }

        boolean exists() {
            return type != null;
        }
    }

    /** The least upper bound of two types under the mode's rules. */
    static Lub leastUpperBound(Type t0, Type t1, ValidationMode mode) {
        if (isSubtype(t0, t1, mode)) {
            return Lub.of(t1);
        }
        if (isSubtype(t1, t0, mode)) {
            return Lub.of(t0);
        }
        if (t0 instanceof BoolType && t1 instanceof BoolType) {
            return Lub.of(BOOL);
        }
        if (t0 instanceof SetType s0 && t1 instanceof SetType s1) {
            if (s0.element() == null || s1.element() == null) {
                return Lub.of(ANY_SET);
            }
            Lub element = leastUpperBound(s0.element(), s1.element(), mode);
            return element.exists() ? Lub.of(set(element.type())) : element;
        }
        if (t0 instanceof RecordType r0 && t1 instanceof RecordType r1) {
            SortedMap<String, Attribute> attributes;
            if (mode == ValidationMode.STRICT) {
                if (!r0.attributes().keySet().equals(r1.attributes().keySet())) {
                    return Lub.none(LubHint.RECORD_WIDTH);
                }
                attributes = new TreeMap<>();
                for (Map.Entry<String, Attribute> e : r0.attributes().entrySet()) {
                    Attribute a1 = r1.attributes().get(e.getKey());
                    Lub attribute = attributeLub(e.getValue(), a1, mode);
                    if (!attribute.exists()) {
                        return attribute;
                    }
                    attributes.put(e.getKey(), new Attribute(attribute.type(), e.getValue().required() && a1.required()));
                }
            } else {
                attributes = permissiveAttributesLub(r0.attributes(), r1.attributes());
            }
            TreeSet<String> allKeys = new TreeSet<>(r0.attributes().keySet());
            allKeys.addAll(r1.attributes().keySet());
            boolean open = r0.open() || r1.open() || !attributes.keySet().equals(allKeys);
            return Lub.of(new RecordType(attributes, open));
        }
        if (t0 instanceof EntityLubType e0 && t1 instanceof EntityLubType e1) {
            if (mode == ValidationMode.STRICT) {
                return Lub.none(LubHint.ENTITY_TYPE);
            }
            TreeSet<EntityType> union = new TreeSet<>(ENTITY_ORDER);
            union.addAll(e0.types());
            union.addAll(e1.types());
            return Lub.of(new EntityLubType(union));
        }
        if (isEntity(t0) && isEntity(t1)) {
            // one is any entity and the other a named entity type
            return mode == ValidationMode.STRICT ? Lub.none(LubHint.ENTITY_TYPE) : Lub.of(ANY_ENTITY);
        }
        if (isEntity(t0) && t1 instanceof RecordType || t0 instanceof RecordType && isEntity(t1)) {
            return Lub.none(LubHint.ENTITY_RECORD);
        }
        return Lub.none(LubHint.NONE);
    }

    /**
     * The attribute-wise least upper bound of permissive mode: the attributes both have whose types have a
     * least upper bound, required when required in both.
     */
    static SortedMap<String, Attribute> permissiveAttributesLub(Map<String, Attribute> a0, Map<String, Attribute> a1) {
        SortedMap<String, Attribute> attributes = new TreeMap<>();
        for (Map.Entry<String, Attribute> e : a0.entrySet()) {
            Attribute other = a1.get(e.getKey());
            if (other == null) {
                continue;
            }
            Lub lub = attributeLub(e.getValue(), other, ValidationMode.PERMISSIVE);
            if (lub.exists()) {
                attributes.put(e.getKey(), new Attribute(lub.type(), e.getValue().required() && other.required()));
            }
        }
        return attributes;
    }

    private static Lub attributeLub(Attribute a0, Attribute a1, ValidationMode mode) {
        Lub lub = leastUpperBound(a0.type(), a1.type(), mode);
        if (lub.exists() && mode == ValidationMode.STRICT && a0.required() != a1.required()) {
            return Lub.none(LubHint.ATTRIBUTE_QUALIFIER);
        }
        return lub;
    }

    /** The least upper bound of all the types, {@code Never} for none. */
    static Lub leastUpperBound(List<Type> types, ValidationMode mode) {
        Type lub = NEVER;
        for (Type t : types) {
            Lub next = leastUpperBound(lub, t, mode);
            if (!next.exists()) {
                return next;
            }
            lub = next.type();
        }
        return Lub.of(lub);
    }

    /**
     * Whether no value has both types. Conservative: only entity unions with no entity type in common are
     * known to be disjoint (sets of different types share the empty set, and so on).
     */
    static boolean areDisjoint(Type t0, Type t1) {
        if (t0 instanceof EntityLubType e0 && t1 instanceof EntityLubType e1) {
            return Collections.disjoint(e0.types(), e1.types());
        }
        return false;
    }

    static boolean isEntity(Type t) {
        return t instanceof EntityLubType || t instanceof AnyEntityType;
    }
}
