package io.cedarwood.jakarta;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError;
import io.cedarwood.engine.validation.ValidationResult;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the filter and the interceptor share: the policies (validated against the schema when there is one),
 * the entity provider, the principal mapper, the decision log and the engine. Immutable and thread-safe.
 * {@link #decide} never throws: whatever goes wrong while mapping, loading entities or evaluating denies the
 * request (fail closed) and is logged with its cause.
 */
public final class CedarAuthorization {
    private final Authorizer authorizer;
    private final PolicySet policies;
    private final Schema schema;
    private final EntityProvider entities;
    private final CedarPrincipalMapper principalMapper;
    private final CedarDecisionLog decisionLog;

    private CedarAuthorization(Builder b) {
        this.authorizer = b.authorizer;
        this.policies = Objects.requireNonNull(b.policies, "policies");
        this.schema = b.schema;
        this.entities = b.entities;
        this.principalMapper = b.principalMapper;
        this.decisionLog = b.decisionLog;
        if (schema != null) {
            ValidationResult result = new Validator(schema).validate(policies);
            if (!result.passed()) {
                throw new CedarConfigurationException("policies do not validate against the schema: " + result.errors().stream()
                        .map(ValidationError::toString).collect(Collectors.joining("; ")));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public PolicySet policies() {
        return policies;
    }

    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    public EntityProvider entities() {
        return entities;
    }

    public CedarPrincipalMapper principalMapper() {
        return principalMapper;
    }

    public CedarDecisionLog decisionLog() {
        return decisionLog;
    }

    /**
     * Asks Cedar whether {@code caller} may do {@code action} on {@code resource}, and logs the decision.
     * An unauthenticated caller (the mapper gives no principal) is denied without asking Cedar.
     */
    public CedarDecision decide(Principal caller, Predicate<String> inRole, EntityUid action, EntityUid resource,
                                Map<String, Value> context) {
        EntityUid principalUid = null;
        try {
            Entity principal = principalMapper.principal(caller, inRole);
            if (principal == null) {
                return logged(new CedarDecision(null, action, resource, CedarDecision.DENIED, "unauthenticated"), null);
            }
            principalUid = principal.uid();
            Request request = new Request(principal.uid(), action, resource, RecordValue.of(context));
            Response response = authorizer.isAuthorized(request, policies, withPrincipal(principal));
            return logged(new CedarDecision(principalUid, action, resource, response, null), null);
        } catch (RuntimeException | StackOverflowError e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return logged(new CedarDecision(principalUid, action, resource, CedarDecision.DENIED, why), e);
        }
    }

    /** The decision when the request could not be mapped to a Cedar request at all (no route, bad input). */
    public CedarDecision deny(Principal caller, Predicate<String> inRole, String failure, Throwable cause) {
        EntityUid principalUid = null;
        try {
            Entity principal = principalMapper.principal(caller, inRole);
            principalUid = principal == null ? null : principal.uid();
        } catch (RuntimeException e) {
            // the denial stands; the mapper's failure is not the story here
        }
        return logged(new CedarDecision(principalUid, null, null, CedarDecision.DENIED, failure), cause);
    }

    private CedarDecision logged(CedarDecision decision, Throwable cause) {
        decisionLog.log(decision, cause);
        return decision;
    }

    private EntityProvider withPrincipal(Entity principal) {
        return new EntityProvider() {
            @Override
            public Entity entity(EntityUid uid) {
                Entity loaded = entities.entity(uid);
                if (!uid.equals(principal.uid())) {
                    return loaded;
                }
                if (loaded == null) {
                    return principal;
                }
                Map<String, Value> attributes = new LinkedHashMap<>(principal.attributes());
                attributes.putAll(loaded.attributes());
                Set<EntityUid> parents = new LinkedHashSet<>(loaded.parents());
                parents.addAll(principal.parents());
                Map<String, Value> tags = new LinkedHashMap<>(principal.tags());
                tags.putAll(loaded.tags());
                return new Entity(uid, attributes, parents, tags);
            }
        };
    }

    @Override
    public String toString() {
        return "CedarAuthorization[" + policies.policies().size() + " policies, schema=" + (schema != null) + "]";
    }

    /** Builds a {@link CedarAuthorization}; only the policies are required. */
    public static final class Builder {
        private Authorizer authorizer = new Authorizer();
        private PolicySet policies;
        private Schema schema;
        private EntityProvider entities = Entities.EMPTY;
        private CedarPrincipalMapper principalMapper = CedarPrincipalMapper.byName();
        private CedarDecisionLog decisionLog = CedarDecisionLog.defaults();

        private Builder() {
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        public Builder policies(PolicySet policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** The schema the policies must validate against (strict mode); {@code null} for none. */
        public Builder schema(Schema schema) {
            this.schema = schema;
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

        public Builder decisionLog(CedarDecisionLog decisionLog) {
            this.decisionLog = Objects.requireNonNull(decisionLog, "decisionLog");
            return this;
        }

        /** @throws CedarConfigurationException when the policies do not validate against the schema */
        public CedarAuthorization build() {
            return new CedarAuthorization(this);
        }
    }
}
