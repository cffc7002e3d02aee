package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialResponse;
import io.cedarwood.engine.partial.ResidualPolicy;
import io.cedarwood.engine.partial.TypedPartialAuthorizer;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "Which resources of this type may this principal take this action on?" answered with a
 * {@link ResourceFilter}: the policies partially evaluated with the resource unknown (the engine's typed
 * partial evaluation), each residual translated into a {@link Filter}. Thread-safe; one per schema.
 *
 * <pre>{@code
 * ResourceFilter filter = new ResourceQuery(schema).filter(kesha, getList, EntityType.of("List"),
 *         context, policies, entities);
 * SqlFilter sql = mapping.toSql(filter, "l");   // or filter.inMemory(entities)
 * }</pre>
 *
 * <p>The entities are the ones per-resource decisions would read (the principal, its ancestors, entities
 * the policies name): the filter is exact for them. A part the translation cannot express (an extension
 * function, arithmetic, a set operation, a comparison of two attributes) becomes {@link Filter.Unknown}:
 * the resources it concerns need a decision each, never a wider answer. Each such part is logged once at
 * INFO (logger {@code io.cedarwood.enforcement.filter}) with the policy and the reason.
 */
public final class ResourceQuery {
    private final Schema schema;
    private final TypedPartialAuthorizer partial;
    private final FilterLog log = new FilterLog();

    public ResourceQuery(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.partial = new TypedPartialAuthorizer(schema);
    }

    public Schema schema() {
        return schema;
    }

    /** The filter of the resources of {@code resourceType} that {@code principal} may {@code action}. */
    public ResourceFilter filter(EntityUid principal, EntityUid action, EntityType resourceType, RecordValue context,
            PolicySet policies, EntityProvider entities) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(entities, "entities");
        String what = "`" + resourceType + "` resources for " + action + " by " + principal;
        PartialResponse response;
        try {
            response = partial.queryResource(principal, action, resourceType, context, policies,
                    PartialEntityProvider.of(entities));
        } catch (CedarException e) {
            log.failed(what, e.getMessage());
            return new ResourceFilter(principal, action, resourceType, context, policies, List.of(), List.of(),
                    Optional.of(e.getMessage()));
        }
        List<PolicyFilter> permits = new ArrayList<>();
        List<PolicyFilter> forbids = new ArrayList<>();
        if (response.decision().orElse(null) != Decision.DENY) {
            Set<io.cedarwood.engine.ast.PolicyId> satisfied = response.satisfied();
            for (ResidualPolicy r : response.allResiduals()) {
                if (r.isFalse()) {
                    continue;
                }
                Filter f;
                if (satisfied.contains(r.id()) || r.isTrue()) {
                    f = Filter.TRUE;
                } else {
                    f = new ResidualTranslator(schema, resourceType, entities).translate(r.condition()).whenTrue();
                    for (Filter.Unknown u : f.unknowns()) {
                        log.perRow(r.id(), what, u.reason());
                    }
                }
                (r.effect() == Effect.PERMIT ? permits : forbids).add(new PolicyFilter(r.id(), r.effect(), f));
            }
        }
        return new ResourceFilter(principal, action, resourceType, context, policies, permits, forbids,
                Optional.empty());
    }
}
