package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A resolved action declaration: the action groups it is a member of (directly, and through the
 * transitive closure of that relation, which is never cyclic), the principal and resource entity types it
 * applies to, and the type of its context.
 */
public final class ActionDef {
    private final EntityUid uid;
    private final Set<EntityUid> memberOf;
    private final Set<EntityUid> ancestors;
    private final Set<EntityType> principalTypes;
    private final Set<EntityType> resourceTypes;
    private final SchemaType.RecordType context;
    private final Map<String, String> annotations;

    ActionDef(EntityUid uid, Set<EntityUid> memberOf, Set<EntityUid> ancestors, Set<EntityType> principalTypes,
              Set<EntityType> resourceTypes, SchemaType.RecordType context, Map<String, String> annotations) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.memberOf = Collections.unmodifiableSet(new LinkedHashSet<>(memberOf));
        this.ancestors = Collections.unmodifiableSet(new LinkedHashSet<>(ancestors));
        this.principalTypes = Collections.unmodifiableSet(new LinkedHashSet<>(principalTypes));
        this.resourceTypes = Collections.unmodifiableSet(new LinkedHashSet<>(resourceTypes));
        this.context = Objects.requireNonNull(context, "context");
        this.annotations = Annotations.copyOf(annotations);
    }

    /** The action entity, e.g. {@code PhotoApp::Action::"view"}. */
    public EntityUid uid() {
        return uid;
    }

    /** The action groups this action is declared a direct member of. */
    public Set<EntityUid> memberOf() {
        return memberOf;
    }

    /** Every action group this action is a member of, directly or through other groups. */
    public Set<EntityUid> ancestors() {
        return ancestors;
    }

    /** The entity types a request's principal may have with this action; empty if the action applies to nothing. */
    public Set<EntityType> principalTypes() {
        return principalTypes;
    }

    /** The entity types a request's resource may have with this action; empty if the action applies to nothing. */
    public Set<EntityType> resourceTypes() {
        return resourceTypes;
    }

    /** Whether some request can use this action: it has principal types and resource types. */
    public boolean appliesToAnything() {
        return !principalTypes.isEmpty() && !resourceTypes.isEmpty();
    }

    /** The type of the context of requests for this action. */
    public SchemaType.RecordType context() {
        return context;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionDef other && uid.equals(other.uid) && memberOf.equals(other.memberOf)
                && ancestors.equals(other.ancestors) && principalTypes.equals(other.principalTypes)
                && resourceTypes.equals(other.resourceTypes) && context.equals(other.context)
                && annotations.equals(other.annotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, memberOf, principalTypes, resourceTypes, context);
    }

    @Override
    public String toString() {
        return "action " + uid + (memberOf.isEmpty() ? "" : " in " + memberOf) + " appliesTo { principal: "
                + principalTypes + ", resource: " + resourceTypes + ", context: " + context + " }";
    }
}
