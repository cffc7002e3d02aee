package io.cedarwood.engine.validation;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

/**
 * One request environment: the principal's entity type, the action, the resource's entity type and the
 * context's type, plus, for a template, the entity types its slots are linked to ({@code null} when the
 * template has no such slot).
 */
record RequestEnv(EntityType principal, EntityUid action, EntityType resource, Type.RecordType context,
                  EntityType principalSlot, EntityType resourceSlot) {

    RequestEnv link(EntityType principalSlot, EntityType resourceSlot) {
        return new RequestEnv(principal, action, resource, context, principalSlot, resourceSlot);
    }

    @Override
    public String toString() {
        return "principal: " + principal + ", action: " + action + ", resource: " + resource
                + (principalSlot == null ? "" : ", ?principal: " + principalSlot)
                + (resourceSlot == null ? "" : ", ?resource: " + resourceSlot);
    }
}
