package io.cedarwood.spring.security;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One consistent version of an application's policies and, optionally, its schema. Immutable; a
 * {@link CedarPolicyStore} swaps whole versions, so a decision always sees one of them.
 */
public final class CedarPolicies {
    private final PolicySet policies;
    private final Schema schema;
    private final List<Entity> actionEntities;

    private CedarPolicies(PolicySet policies, Schema schema) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.schema = schema;
        this.actionEntities = schema == null ? List.of() : List.copyOf(schema.actionEntities());
    }

    public static CedarPolicies of(PolicySet policies) {
        return new CedarPolicies(policies, null);
    }

    public static CedarPolicies of(PolicySet policies, Schema schema) {
        return new CedarPolicies(policies, Objects.requireNonNull(schema, "schema"));
    }

    public PolicySet policies() {
        return policies;
    }

    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /**
     * The action entities the schema declares, with their action groups as parents; empty without a
     * schema. Every decision sees them, so that {@code action in Action::"group"} works without the
     * application providing action entities.
     */
    public List<Entity> actionEntities() {
        return actionEntities;
    }
}
