package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which resources of one type a principal may take an action on, as a filter: the resources {@link #allowed()}
 * holds for are exactly those {@code Authorizer.isAuthorized} allows. Where a part of a policy could not be
 * translated, {@link #certain()} holds for resources that are surely allowed, {@link #candidates()} fails
 * for those surely denied, and the others need {@link #decide} each. Immutable.
 *
 * <p>Made by {@link ResourceQuery}; turned into SQL by {@link SqlMapping}, into a predicate over entities by
 * {@link #inMemory}.
 */
public final class ResourceFilter {
    private static final Authorizer AUTHORIZER = new Authorizer();

    private final EntityUid principal;
    private final EntityUid action;
    private final EntityType resourceType;
    private final RecordValue context;
    private final PolicySet policies;
    private final List<PolicyFilter> permits;
    private final List<PolicyFilter> forbids;
    private final Optional<String> failure;

    ResourceFilter(EntityUid principal, EntityUid action, EntityType resourceType, RecordValue context,
            PolicySet policies, List<PolicyFilter> permits, List<PolicyFilter> forbids, Optional<String> failure) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.action = Objects.requireNonNull(action, "action");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.context = Objects.requireNonNull(context, "context");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.permits = List.copyOf(permits);
        this.forbids = List.copyOf(forbids);
        this.failure = failure;
    }

    public EntityUid principal() {
        return principal;
    }

    public EntityUid action() {
        return action;
    }

    public EntityType resourceType() {
        return resourceType;
    }

    /** The permit policies that may be satisfied, each with the resources for which it is. */
    public List<PolicyFilter> permits() {
        return permits;
    }

    /** The forbid policies that may be satisfied, each with the resources for which it is. */
    public List<PolicyFilter> forbids() {
        return forbids;
    }

    /**
     * Why no filter could be made at all (the policies do not validate against the schema, the action does
     * not apply to the types): every resource then needs a decision of its own.
     */
    public Optional<String> failure() {
        return failure;
    }

    /** Some permit holds and no forbid does; {@link Filter.Unknown} where a part could not be translated. */
    public Filter allowed() {
        if (failure.isPresent()) {
            return new Filter.Unknown(failure.get());
        }
        Filter permitted = Filter.or(permits.stream().map(PolicyFilter::satisfied).toArray(Filter[]::new));
        Filter forbidden = Filter.or(forbids.stream().map(PolicyFilter::satisfied).toArray(Filter[]::new));
        return Filter.and(permitted, Filter.not(forbidden));
    }

    /** Holds only for resources that are allowed. */
    public Filter certain() {
        return allowed().certain();
    }

    /** Holds for every resource that is allowed (and, where {@link #isExact()} is false, for others). */
    public Filter candidates() {
        return allowed().candidates();
    }

    /** Whether {@link #certain()} and {@link #candidates()} are one filter: no resource needs a decision of its own. */
    public boolean isExact() {
        return !allowed().hasUnknown();
    }

    /** The same filter with each policy's filter rewritten (as a backend does with what it cannot express). */
    ResourceFilter mapPolicies(Function<PolicyFilter, Filter> rewrite) {
        List<PolicyFilter> p = new ArrayList<>();
        for (PolicyFilter f : permits) {
            p.add(new PolicyFilter(f.id(), f.effect(), rewrite.apply(f)));
        }
        List<PolicyFilter> f2 = new ArrayList<>();
        for (PolicyFilter f : forbids) {
            f2.add(new PolicyFilter(f.id(), f.effect(), rewrite.apply(f)));
        }
        return new ResourceFilter(principal, action, resourceType, context, policies, p, f2, failure);
    }

    /** The decision for one resource, as {@code Authorizer.isAuthorized} gives it: for those the filters leave open. */
    public Response decide(EntityUid resource, EntityProvider entities) {
        if (!resource.type().equals(resourceType)) {
            throw new IllegalArgumentException("`" + resource + "` is not a `" + resourceType + "`");
        }
        return AUTHORIZER.isAuthorized(new Request(principal, action, resource, context), policies, entities);
    }

    /**
     * The in-memory backend: whether the policies allow the resource {@code entity}, read from
     * {@code entities} (where the filter follows references: {@code resource.owner.location}). Resources
     * that only a decision of their own can answer get one.
     */
    public Predicate<Entity> inMemory(EntityProvider entities) {
        Predicate<Entity> certain = certain().toPredicate(entities);
        Predicate<Entity> candidates = candidates().toPredicate(entities);
        if (isExact()) {
            return certain;
        }
        return e -> certain.test(e)
                || (candidates.test(e) && decide(e.uid(), entities).decision() == Decision.ALLOW);
    }

    @Override
    public String toString() {
        return "ResourceFilter[" + principal + ", " + action + ", " + resourceType + ": " + allowed() + "]";
    }
}
