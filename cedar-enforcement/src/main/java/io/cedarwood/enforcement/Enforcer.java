package io.cedarwood.enforcement;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Asks Cedar and applies the enforcement mode: the one place every integration decides. Reads the
 * policies in use once per decision, gathers the request's entities ({@link RequestEntities}: principal
 * merged, schema action entities, each provider lookup once, non-canonical answers refused), calls the
 * engine and tells the listeners. Never throws: whatever goes wrong (the principal mapper, the context,
 * the entity provider, the engine, a stack overflow on deep data) is a denial with the cause as its
 * {@linkplain EnforcementDecision#failure() failure} (fail closed). Immutable and thread-safe.
 */
public final class Enforcer {
    private static final Logger LOG = System.getLogger(Enforcer.class.getName());

    private final Authorizer authorizer;
    private final PolicyStore policies;
    private final EntityProvider entities;
    private final EnforcementMode mode;
    private final List<DecisionListener> listeners;

    private Enforcer(Builder b) {
        this.authorizer = b.authorizer;
        this.policies = b.policies;
        this.entities = b.entities;
        this.mode = b.mode;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder(PolicyStore policies) {
        return new Builder(policies);
    }

    public PolicyStore policies() {
        return policies;
    }

    public EntityProvider entities() {
        return entities;
    }

    public EnforcementMode mode() {
        return mode;
    }

    /**
     * Whether the principal may do {@code action} to {@code resource}.
     *
     * @param source the integration's entry point, for logs and metrics ({@code http}, {@code method})
     * @param principal the principal, {@code null} (from the supplier) when unauthenticated
     * @param context the request's context (see {@link StandardContext})
     */
    public EnforcementDecision decide(String source, Supplier<Entity> principal, EntityUid action, EntityUid resource,
            Supplier<RecordValue> context) {
        long start = System.nanoTime();
        EntityUid principalUid = null;
        EnforcementDecision decision;
        try {
            Entity p = principal.get();
            if (p == null) {
                decision = EnforcementDecision.failed(source, null, action, resource, "unauthenticated");
            } else {
                principalUid = p.uid();
                Request request = new Request(p.uid(), Objects.requireNonNull(action, "action"),
                        Objects.requireNonNull(resource, "resource"), context.get());
                PolicyBundle current = policies.current();
                RequestEntities requestEntities = new RequestEntities(p, current.actionEntities(), entities);
                Response response = authorizer.isAuthorized(request, current.policies(), requestEntities);
                decision = EnforcementDecision.of(source, request, response, mode);
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "cedar: denied because the decision failed", e);
            decision = EnforcementDecision.failed(source, principalUid, action, resource, "the decision failed: " + describe(e));
        }
        notify(decision, System.nanoTime() - start);
        return decision;
    }

    /**
     * A denial for a failure before Cedar could be asked (no route, a request that cannot be mapped);
     * listeners are told.
     *
     * @param principal the principal, {@code null} (from the supplier) when unauthenticated; a supplier that
     *        throws counts as unauthenticated
     */
    public EnforcementDecision fail(String source, Supplier<Entity> principal, String failure) {
        EntityUid principalUid = null;
        try {
            Entity p = principal.get();
            principalUid = p == null ? null : p.uid();
        } catch (RuntimeException | StackOverflowError e) {
            // the denial stands; the mapper's failure is not the story here
        }
        EnforcementDecision decision = EnforcementDecision.failed(source, principalUid, null, null,
                Objects.requireNonNull(failure, "failure"));
        notify(decision, 0);
        return decision;
    }

    private static String describe(Throwable e) {
        return e instanceof StackOverflowError ? "nested too deeply"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void notify(EnforcementDecision decision, long nanos) {
        for (DecisionListener l : listeners) {
            try {
                l.onDecision(decision, nanos);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cedar: a decision listener failed", e);
            }
        }
    }

    /** Builds an {@link Enforcer}; only the policy store is required. */
    public static final class Builder {
        private final PolicyStore policies;
        private Authorizer authorizer = new Authorizer();
        private EntityProvider entities = Entities.EMPTY;
        private EnforcementMode mode = EnforcementMode.ENFORCING;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder(PolicyStore policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Where entities come from; none by default. */
        public Builder entities(EntityProvider entities) {
            this.entities = Objects.requireNonNull(entities, "entities");
            return this;
        }

        public Builder mode(EnforcementMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Enforcer build() {
            return new Enforcer(this);
        }
    }
}
