package io.cedarwood.engine.partial;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.Objects;
import java.util.Optional;

/**
 * A request some of whose parts are unknown: the principal, the action, the resource and the context may
 * each be missing. An unknown principal or resource may still have a known entity type (what the typed form
 * needs). Immutable; built with {@link #builder()}.
 */
public final class PartialRequest {
    private final EntityUid principal;
    private final EntityType principalType;
    private final EntityUid action;
    private final EntityUid resource;
    private final EntityType resourceType;
    private final RecordValue context;

    private PartialRequest(Builder b) {
        this.principal = b.principal;
        this.principalType = b.principal != null ? b.principal.type() : b.principalType;
        this.action = b.action;
        this.resource = b.resource;
        this.resourceType = b.resource != null ? b.resource.type() : b.resourceType;
        this.context = b.context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request with every part known. */
    public static PartialRequest of(Request request) {
        return builder().principal(request.principal()).action(request.action()).resource(request.resource())
                .context(request.context()).build();
    }

    public Optional<EntityUid> principal() {
        return Optional.ofNullable(principal);
    }

    /** The principal's entity type, known when the principal is, and maybe when it is not. */
    public Optional<EntityType> principalType() {
        return Optional.ofNullable(principalType);
    }

    public Optional<EntityUid> action() {
        return Optional.ofNullable(action);
    }

    public Optional<EntityUid> resource() {
        return Optional.ofNullable(resource);
    }

    /** The resource's entity type, known when the resource is, and maybe when it is not. */
    public Optional<EntityType> resourceType() {
        return Optional.ofNullable(resourceType);
    }

    public Optional<RecordValue> context() {
        return Optional.ofNullable(context);
    }

    /**
     * Whether {@code request} is a completion of this one: it agrees with every known part (and with the known
     * types of unknown principal and resource).
     */
    public boolean isCompletedBy(Request request) {
        return (principal == null || principal.equals(request.principal()))
                && (principalType == null || principalType.equals(request.principal().type()))
                && (action == null || action.equals(request.action()))
                && (resource == null || resource.equals(request.resource()))
                && (resourceType == null || resourceType.equals(request.resource().type()))
                && (context == null || context.equals(request.context()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialRequest r && Objects.equals(principal, r.principal)
                && Objects.equals(principalType, r.principalType) && Objects.equals(action, r.action)
                && Objects.equals(resource, r.resource) && Objects.equals(resourceType, r.resourceType)
                && Objects.equals(context, r.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, principalType, action, resource, resourceType, context);
    }

    @Override
    public String toString() {
        return "PartialRequest[principal=" + part(principal, principalType) + ", action=" + part(action, null)
                + ", resource=" + part(resource, resourceType) + ", context="
                + (context == null ? "unknown" : context.toCedar()) + "]";
    }

    private static String part(EntityUid uid, EntityType type) {
        if (uid != null) {
            return uid.toCedar();
        }
        return type == null ? "unknown" : "unknown " + type.name();
    }

    /** Builds a {@link PartialRequest}; every part left unset is unknown. */
    public static final class Builder {
        private EntityUid principal;
        private EntityType principalType;
        private EntityUid action;
        private EntityUid resource;
        private EntityType resourceType;
        private RecordValue context;

        private Builder() {
        }

        public Builder principal(EntityUid principal) {
            this.principal = principal;
            return this;
        }

        /** An unknown principal of a known entity type (ignored when the principal is known). */
        public Builder principalType(EntityType principalType) {
            this.principalType = principalType;
            return this;
        }

        public Builder action(EntityUid action) {
            this.action = action;
            return this;
        }

        public Builder resource(EntityUid resource) {
            this.resource = resource;
            return this;
        }

        /** An unknown resource of a known entity type (ignored when the resource is known). */
        public Builder resourceType(EntityType resourceType) {
            this.resourceType = resourceType;
            return this;
        }

        public Builder context(RecordValue context) {
            this.context = context;
            return this;
        }

        public PartialRequest build() {
            return new PartialRequest(this);
        }
    }
}
