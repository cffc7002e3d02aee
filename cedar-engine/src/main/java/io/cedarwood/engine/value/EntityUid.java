package io.cedarwood.engine.value;

import java.util.Objects;

/** An entity's unique identifier, also a Cedar value: {@code User::"alice"}. */
public record EntityUid(EntityType type, String id) implements Value {
    public EntityUid {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static EntityUid of(String type, String id) {
        return new EntityUid(new EntityType(type), id);
    }

    @Override
    public String typeName() {
        return "(entity of type `" + type.name() + "`)";
    }

    @Override
    public String toCedar() {
        return type.name() + "::" + CedarStrings.quote(id);
    }

    @Override
    public String toString() {
        return toCedar();
    }
}
