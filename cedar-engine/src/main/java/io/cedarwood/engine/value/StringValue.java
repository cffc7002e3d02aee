package io.cedarwood.engine.value;

import java.util.Objects;

/** A Cedar string. */
public record StringValue(String value) implements Value {
    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    public static StringValue of(String value) {
        return new StringValue(value);
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public String toCedar() {
        return CedarStrings.quote(value);
    }
}
