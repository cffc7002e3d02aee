package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityType;

import java.util.Objects;
import java.util.Optional;

/** The principal or resource part of a policy's scope, as data. */
public sealed interface ScopeConstraint {

    /** The entity (or slot) this constraint names: that of {@code ==}, {@code in} and {@code is ... in}. */
    default Optional<EntityReference> reference() {
        if (this instanceof Eq eq) {
            return Optional.of(eq.ref());
        } else if (this instanceof In in) {
            return Optional.of(in.ref());
        } else if (this instanceof IsIn isIn) {
            return Optional.of(isIn.ref());
        }
        return Optional.empty();
    }

    /** No constraint: {@code principal}. */
    record Any() implements ScopeConstraint {
    }

    /** {@code principal == ref}. */
    record Eq(EntityReference ref) implements ScopeConstraint {
        public Eq {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code principal in ref}. */
    record In(EntityReference ref) implements ScopeConstraint {
        public In {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code principal is Type}. */
    record Is(EntityType entityType) implements ScopeConstraint {
        public Is {
            Objects.requireNonNull(entityType, "entityType");
        }
    }

    /** {@code principal is Type in ref}. */
    record IsIn(EntityType entityType, EntityReference ref) implements ScopeConstraint {
        public IsIn {
            Objects.requireNonNull(entityType, "entityType");
            Objects.requireNonNull(ref, "ref");
        }
    }
}
