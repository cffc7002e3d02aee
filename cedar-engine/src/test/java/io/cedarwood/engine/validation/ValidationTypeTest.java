package io.cedarwood.engine.validation;

import io.cedarwood.engine.value.EntityType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static io.cedarwood.engine.validation.ValidationMode.PERMISSIVE;
import static io.cedarwood.engine.validation.ValidationMode.STRICT;
import static org.assertj.core.api.Assertions.assertThat;

/** Subtyping and least upper bounds of validator types, strict and permissive. */
class ValidationTypeTest {
    private static final Type USER = Type.entity(EntityType.of("User"));
    private static final Type DOC = Type.entity(EntityType.of("Doc"));

    private static Type record(boolean open, Object... nameTypeRequired) {
        Map<String, Type.Attribute> attributes = new TreeMap<>();
        for (int i = 0; i < nameTypeRequired.length; i += 3) {
            attributes.put((String) nameTypeRequired[i],
                    new Type.Attribute((Type) nameTypeRequired[i + 1], (Boolean) nameTypeRequired[i + 2]));
        }
        return new Type.RecordType(new TreeMap<>(attributes), open);
    }

    private static String lub(Type a, Type b, ValidationMode mode) {
        Type.Lub lub = Type.leastUpperBound(a, b, mode);
        return lub.exists() ? lub.type().toString() : "none: " + lub.hint();
    }

    @Test
    void leastUpperBoundWhenBooleansThenSingletonsWidenToBool() {
        assertThat(lub(Type.TRUE, Type.FALSE, STRICT)).isEqualTo("Bool");
        assertThat(lub(Type.TRUE, Type.TRUE, STRICT)).isEqualTo("__cedar::internal::True");
        assertThat(lub(Type.set(Type.TRUE), Type.set(Type.FALSE), STRICT)).isEqualTo("Set<Bool>");
        assertThat(lub(Type.NEVER, Type.LONG, STRICT)).isEqualTo("Long");
    }

    @Test
    void leastUpperBoundWhenDifferentEntityTypesThenUnionOnlyInPermissiveMode() {
        assertThat(lub(USER, DOC, STRICT)).isEqualTo("none: ENTITY_TYPE");
        assertThat(lub(USER, DOC, PERMISSIVE)).isEqualTo("__cedar::internal::Union<Doc, User>");
        assertThat(lub(USER, Type.ANY_ENTITY, PERMISSIVE)).isEqualTo("__cedar::internal::AnyEntity");
        assertThat(lub(USER, record(false), STRICT)).isEqualTo("none: ENTITY_RECORD");
        assertThat(lub(Type.LONG, Type.STRING, PERMISSIVE)).isEqualTo("none: NONE");
    }

    @Test
    void leastUpperBoundWhenRecordsDifferThenStrictRefusesAndPermissiveOpens() {
        Type a = record(false, "a", Type.LONG, true);
        Type ab = record(false, "a", Type.LONG, true, "b", Type.STRING, true);
        Type optionalA = record(false, "a", Type.LONG, false);
        assertThat(lub(a, ab, STRICT)).isEqualTo("none: RECORD_WIDTH");
        assertThat(lub(a, ab, PERMISSIVE)).isEqualTo("__cedar::internal::OpenRecord{a: Long,}");
        assertThat(lub(a, optionalA, STRICT)).isEqualTo("none: ATTRIBUTE_QUALIFIER");
        assertThat(lub(a, optionalA, PERMISSIVE)).isEqualTo("{a?: Long,}");
        assertThat(lub(record(false, "a", Type.TRUE, true), record(false, "a", Type.FALSE, true), STRICT))
                .isEqualTo("{a: Bool,}");
    }

    @Test
    void isSubtypeWhenExpectedTypeIsAnyEntityOrAnyRecordThenWidthSubtypingOnlyInPermissiveMode() {
        Type ab = record(false, "a", Type.LONG, true, "b", Type.STRING, true);
        assertThat(Type.isSubtype(ab, Type.ANY_RECORD, PERMISSIVE)).isTrue();
        assertThat(Type.isSubtype(ab, Type.ANY_RECORD, STRICT)).isFalse();
        assertThat(Type.isSubtype(USER, Type.ANY_ENTITY, PERMISSIVE)).isTrue();
        assertThat(Type.isSubtype(USER, Type.ANY_ENTITY, STRICT)).isFalse();
        assertThat(Type.isSubtype(Type.ANY_RECORD, record(false), PERMISSIVE)).isFalse();
        assertThat(Type.isSubtype(Type.set(Type.NEVER), Type.set(Type.LONG), STRICT)).isTrue();
        assertThat(Type.isSubtype(Type.set(Type.LONG), Type.ANY_SET, STRICT)).isTrue();
    }

    @Test
    void areDisjointWhenEntityUnionsShareNoTypeThenTrueElseConservativelyFalse() {
        assertThat(Type.areDisjoint(USER, DOC)).isTrue();
        assertThat(Type.areDisjoint(USER, USER)).isFalse();
        assertThat(Type.areDisjoint(Type.LONG, Type.STRING)).isFalse();
        assertThat(Type.areDisjoint(Type.set(Type.LONG), Type.set(Type.STRING))).isFalse();
    }
}
