package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Expr;
import io.cedarwood.engine.value.EntityUid;

import java.util.Map;
import java.util.Set;

/**
 * A symbolic Cedar value. Records are kept as Java maps of symbolic fields (their shape is known from the
 * schema), so that no SMT datatype is needed; actions are concrete in a request environment and stay Java
 * values.
 */
sealed interface SymValue {

    /** A bool, long, string, entity or set, as one SMT term of the type's sort. */
    record Term(SymType type, Expr<?> term) implements SymValue {
    }

    /** A record: each field with the condition under which the record has it. */
    record Rec(Map<String, Field> fields) implements SymValue {
    }

    record Field(SymValue value, BoolExpr present) {
    }

    /** An action entity: known in a request environment. */
    record Action(EntityUid uid) implements SymValue {
    }

    /** A set literal of action entities. */
    record ActionSet(Set<EntityUid> uids) implements SymValue {
    }
}
