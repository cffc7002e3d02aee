package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityType;

import java.util.Objects;

/** The principal or resource part of a policy's scope, as data. */
public sealed interface ScopeConstraint {

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
