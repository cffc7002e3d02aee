package io.cedarwood.engine.eval;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.Set;

import static io.cedarwood.engine.eval.Operators.asEntity;

/**
 * What Cedar's operators do with values that need the entity store: attribute access, {@code has},
 * {@code in} and tags, with the reference's errors. Shared by the {@link Interpreter} and the compiled
 * evaluator so that both read the store, and fail, the same way.
 */
final class EntityOps {
    private EntityOps() {
    }

    /** {@code target.attribute} on a record or an entity (which must exist). */
    static Value getAttr(EntityProvider entities, Value target, String attribute) {
        if (target instanceof RecordValue record) {
            Value v = record.get(attribute);
            if (v == null) {
                throw new EvaluationException(EvaluationException.Kind.ATTRIBUTE_DOES_NOT_EXIST,
                        "record does not have the attribute `" + attribute + "`");
            }
            return v;
        } else if (target instanceof EntityUid uid) {
            return entityAttr(entities, uid, attribute);
        }
        throw recordOrEntityExpected(target);
    }

    /** {@code uid.attribute}: the entity must exist and have the attribute. */
    static Value entityAttr(EntityProvider entities, EntityUid uid, String attribute) {
        Entity entity = entity(entities, uid);
        Value v = entity.attributes().get(attribute);
        if (v == null) {
            throw new EvaluationException(EvaluationException.Kind.ATTRIBUTE_DOES_NOT_EXIST,
                    "`" + uid + "` does not have the attribute `" + attribute + "`");
        }
        return v;
    }

    /** {@code target has attribute}; a missing entity has no attributes, which is not an error. */
    static BoolValue hasAttr(EntityProvider entities, Value target, String attribute) {
        if (target instanceof RecordValue record) {
            return BoolValue.of(record.has(attribute));
        } else if (target instanceof EntityUid uid) {
            Entity entity = entities.entity(uid);
            return BoolValue.of(entity != null && entity.attributes().containsKey(attribute));
        }
        throw recordOrEntityExpected(target);
    }

    /**
     * {@code left in right}: {@code left} is an entity and {@code right} an entity or a set of entities
     * (every element is checked to be one, even after a match); true when {@code left} equals or descends
     * from one of them. An entity missing from the store has no ancestors, so only equality counts.
     */
    static BoolValue in(EntityProvider entities, Value left, Value right) {
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
            return BoolValue.of(isIn(entities, uid, target));
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
    static boolean isIn(EntityProvider entities, EntityUid uid, EntityUid target) {
        return uid.equals(target) || entities.ancestors(uid).contains(target);
    }

    static BoolValue hasTag(EntityProvider entities, EntityUid uid, String tag) {
        Entity entity = entities.entity(uid);
        return BoolValue.of(entity != null && entity.tags().containsKey(tag));
    }

    static Value getTag(EntityProvider entities, EntityUid uid, String tag) {
        Entity entity = entity(entities, uid);
        Value v = entity.tags().get(tag);
        if (v == null) {
            throw new EvaluationException(EvaluationException.Kind.TAG_DOES_NOT_EXIST,
                    "`" + uid + "` does not have the tag `" + tag + "`");
        }
        return v;
    }

    /** The entity, which must exist. */
    static Entity entity(EntityProvider entities, EntityUid uid) {
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
    static int compareCodePoints(String a, String b) {
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
