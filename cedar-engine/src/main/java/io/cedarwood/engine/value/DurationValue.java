package io.cedarwood.engine.value;

/** A Cedar {@code duration}: a signed number of milliseconds. */
public record DurationValue(long millis) implements ExtensionValue {
    @Override
    public String typeName() {
        return "duration";
    }

    @Override
    public String toCedar() {
        return "duration(" + CedarStrings.quote(toString()) + ")";
    }
}
