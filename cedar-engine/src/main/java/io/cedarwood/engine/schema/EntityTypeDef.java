package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.EntityType;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resolved entity type declaration: which entity types its entities may be members of (directly, and
 * through the transitive closure of that relation), the type of its attributes, the type of its tags,
 * and for an enumerated entity type the entity ids that exist.
 */
public final class EntityTypeDef {
    private final EntityType name;
    private final Set<EntityType> memberOfTypes;
    private final Set<EntityType> ancestorTypes;
    private final SchemaType.RecordType shape;
    private final SchemaType tags;
    private final List<String> enumChoices;
    private final Map<String, String> annotations;

    EntityTypeDef(EntityType name, Set<EntityType> memberOfTypes, Set<EntityType> ancestorTypes,
                  SchemaType.RecordType shape, SchemaType tags, List<String> enumChoices,
                  Map<String, String> annotations) {
        this.name = Objects.requireNonNull(name, "name");
        this.memberOfTypes = Collections.unmodifiableSet(new LinkedHashSet<>(memberOfTypes));
        this.ancestorTypes = Collections.unmodifiableSet(new LinkedHashSet<>(ancestorTypes));
        this.shape = Objects.requireNonNull(shape, "shape");
        this.tags = tags;
        this.enumChoices = enumChoices == null ? null : List.copyOf(enumChoices);
        this.annotations = Annotations.copyOf(annotations);
    }

    /** The fully qualified name. */
    public EntityType name() {
        return name;
    }

    /** The entity types that entities of this type may be direct members of ({@code in [...]}). */
    public Set<EntityType> memberOfTypes() {
        return memberOfTypes;
    }

    /**
     * The entity types that entities of this type may be members of, directly or through other
     * entities: the transitive closure of {@link #memberOfTypes()}. Contains this type itself only when
     * the declarations are cyclic.
     */
    public Set<EntityType> ancestorTypes() {
        return ancestorTypes;
    }

    /** The attributes of entities of this type; empty for an enumerated entity type. */
    public SchemaType.RecordType shape() {
        return shape;
    }

    /** The type of every tag of entities of this type; empty when they have no tags. */
    public Optional<SchemaType> tags() {
        return Optional.ofNullable(tags);
    }

    /** Whether this is an enumerated entity type. */
    public boolean isEnum() {
        return enumChoices != null;
    }

    /** For an enumerated entity type, the entity ids that exist, in declared order; otherwise empty. */
    public Optional<List<String>> enumChoices() {
        return Optional.ofNullable(enumChoices);
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityTypeDef other && name.equals(other.name) && memberOfTypes.equals(other.memberOfTypes)
                && ancestorTypes.equals(other.ancestorTypes) && shape.equals(other.shape)
                && Objects.equals(tags, other.tags) && Objects.equals(enumChoices, other.enumChoices)
                && annotations.equals(other.annotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, memberOfTypes, shape, tags, enumChoices);
    }

    @Override
    public String toString() {
        return "entity " + name + (memberOfTypes.isEmpty() ? "" : " in " + memberOfTypes)
                + (isEnum() ? " enum " + enumChoices : " = " + shape) + (tags == null ? "" : " tags " + tags);
    }
}
