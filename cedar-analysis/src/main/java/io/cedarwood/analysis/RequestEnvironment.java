package io.cedarwood.analysis;

import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request environment of a schema: a principal type, an action and a resource type the action applies
 * to. The analysis compiles a policy set for one environment at a time, as the reference's symbolic compiler
 * does.
 */
public record RequestEnvironment(EntityType principalType, EntityUid action, EntityType resourceType) {
    public RequestEnvironment {
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
    }

    /** Every environment of the schema, actions in declaration order, then principal and resource types. */
    public static List<RequestEnvironment> of(Schema schema) {
        List<RequestEnvironment> out = new ArrayList<>();
        for (ActionDef action : schema.actions().values()) {
            for (EntityType p : action.principalTypes()) {
                for (EntityType r : action.resourceTypes()) {
                    out.add(new RequestEnvironment(p, action.uid(), r));
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "principal: " + principalType + ", action: " + action + ", resource: " + resourceType;
    }
}
