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

    /**
     * Parses a uid written as in a policy: {@code User::"alice"}, {@code Ns::Action::"view"}, with the
     * policy language's string escapes ({@code User::"a\"b"}). Type names are checked as the parser checks
     * them (identifiers that are not reserved words; {@code __cedar} is reserved).
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code text} is not one
     */
    public static EntityUid parse(String text) {
        return io.cedarwood.engine.parser.PolicyParser.parseEntityUid(text);
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
