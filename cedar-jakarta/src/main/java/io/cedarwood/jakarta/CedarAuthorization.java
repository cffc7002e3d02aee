package io.cedarwood.jakarta;

import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.Enforcer;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.PolicyValidator;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the filter and the interceptor share: the core's {@link Enforcer} (policies in a {@link PolicyStore},
 * entity provider, enforcement mode, decision listeners) and the principal mapper. Immutable and
 * thread-safe. {@link #decide} never throws: whatever goes wrong denies the request (fail closed).
 */
public final class CedarAuthorization {
    /** The logger of the default decision log. */
    public static final String DECISION_LOGGER = "io.cedarwood.jakarta.decisions";

    private final Enforcer enforcer;
    private final CedarPrincipalMapper principalMapper;

    private CedarAuthorization(Enforcer enforcer, CedarPrincipalMapper principalMapper) {
        this.enforcer = enforcer;
        this.principalMapper = principalMapper;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Enforcer enforcer() {
        return enforcer;
    }

    public PolicyStore policies() {
        return enforcer.policies();
    }

    public CedarPrincipalMapper principalMapper() {
        return principalMapper;
    }

    /**
     * Asks Cedar whether {@code caller} may do {@code action} on {@code resource}; listeners (the decision log)
     * are told. An unauthenticated caller (the mapper gives no principal) is denied without asking Cedar.
     *
     * @param source the entry point, {@code http} or {@code method}
     */
    public EnforcementDecision decide(String source, Principal caller, Predicate<String> inRole, EntityUid action,
            EntityUid resource, Map<String, Value> context) {
        CedarPrincipalMapper.Caller c = new CedarPrincipalMapper.Caller(caller, inRole);
        return enforcer.decide(source, () -> principalMapper.principal(c), action, resource, () -> RecordValue.of(context));
    }

    /** The decision when the request could not be mapped to a Cedar request at all (no route, bad input). */
    public EnforcementDecision deny(String source, Principal caller, Predicate<String> inRole, String failure) {
        CedarPrincipalMapper.Caller c = new CedarPrincipalMapper.Caller(caller, inRole);
        return enforcer.fail(source, () -> principalMapper.principal(c), failure);
    }

    @Override
    public String toString() {
        return "CedarAuthorization[" + enforcer.policies().current() + ", " + enforcer.mode() + "]";
    }

    /** Builds a {@link CedarAuthorization}: policies (with an optional schema) or a policy store are required. */
    public static final class Builder {
        private Authorizer authorizer = new Authorizer();
        private PolicySet policies;
        private Schema schema;
        private PolicyStore store;
        private EntityProvider entities = Entities.EMPTY;
        private CedarPrincipalMapper principalMapper = CedarPrincipalMapper.byName();
        private EnforcementMode mode = EnforcementMode.ENFORCING;
        private DecisionLog.What decisionLog = DecisionLog.What.DENIED;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Fixed policies (validated against the {@link #schema} when there is one). */
        public Builder policies(PolicySet policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** The schema the policies must validate against (strict mode); {@code null} for none. */
        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /** A store, which may reload its files (a {@code PolicyReloader}); replaces {@link #policies} and {@link #schema}. */
        public Builder store(PolicyStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder entities(EntityProvider entities) {
            this.entities = Objects.requireNonNull(entities, "entities");
            return this;
        }

        public Builder principalMapper(CedarPrincipalMapper principalMapper) {
            this.principalMapper = Objects.requireNonNull(principalMapper, "principalMapper");
            return this;
        }

        /** Whether Cedar's denials are enforced (the default) or only logged. */
        public Builder mode(EnforcementMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** What the decision log ({@value CedarAuthorization#DECISION_LOGGER}) logs besides warnings; denials by default. */
        public Builder decisionLog(DecisionLog.What what) {
            this.decisionLog = Objects.requireNonNull(what, "what");
            return this;
        }

        /** Told of every decision: metrics, audit. */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @throws CedarConfigurationException when there are no policies, or they do not validate against the schema */
        public CedarAuthorization build() {
            PolicyStore s = store;
            if (s == null) {
                if (policies == null) {
                    throw new CedarConfigurationException("no policies: give a policy set or a policy store");
                }
                if (schema != null) {
                    List<String> problems = PolicyValidator.strict().validate(policies, schema);
                    if (!problems.isEmpty()) {
                        throw new CedarConfigurationException("policies do not validate against the schema: "
                                + String.join("; ", problems));
                    }
                }
                s = PolicyStore.of(schema == null ? PolicyBundle.of(policies) : PolicyBundle.of(policies, schema));
            }
            Enforcer.Builder e = Enforcer.builder(s).authorizer(authorizer).entities(entities).mode(mode)
                    .listener(new DecisionLog(DECISION_LOGGER, decisionLog));
            listeners.forEach(e::listener);
            return new CedarAuthorization(e.build(), principalMapper);
        }
    }
}
