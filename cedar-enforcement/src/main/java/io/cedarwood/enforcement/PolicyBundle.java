package io.cedarwood.enforcement;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.Effect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One consistent version of an application's policies and, optionally, its schema. Immutable; a
 * {@link PolicyStore} swaps whole bundles, so a decision always sees exactly one of them.
 */
public final class PolicyBundle {
    private final PolicySet policies;
    private final Schema schema;
    private final List<Entity> actionEntities;
    private final String digest;

    private PolicyBundle(PolicySet policies, Schema schema, String digest) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.schema = schema;
        this.actionEntities = schema == null ? List.of() : List.copyOf(schema.actionEntities());
        this.digest = digest;
    }

    public static PolicyBundle of(PolicySet policies) {
        return new PolicyBundle(policies, null, null);
    }

    public static PolicyBundle of(PolicySet policies, Schema schema) {
        return new PolicyBundle(policies, Objects.requireNonNull(schema, "schema"), null);
    }

    /** A bundle read from files whose content has this digest. */
    static PolicyBundle of(PolicySet policies, Schema schema, String digest) {
        return new PolicyBundle(policies, schema, digest);
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

    /** The SHA-256 of the files this bundle was read from (names and content), empty when not read from files. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** How many static and linked policies and templates. */
    public int size() {
        return policies.policies().size() + policies.templates().size();
    }

    /** How many of the policies and templates are {@code forbid}s. */
    public int forbids() {
        int n = 0;
        for (Policy p : policies.policies()) {
            n += p.effect() == Effect.FORBID ? 1 : 0;
        }
        for (Policy p : policies.templates()) {
            n += p.effect() == Effect.FORBID ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return "PolicyBundle[" + size() + " policies, schema=" + (schema != null)
                + (digest == null ? "" : ", digest=" + digest.substring(0, 12)) + "]";
    }
}
