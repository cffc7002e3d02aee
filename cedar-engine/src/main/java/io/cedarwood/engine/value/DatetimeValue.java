package io.cedarwood.engine.value;

/** A Cedar {@code datetime}: milliseconds since the Unix epoch, UTC. */
public record DatetimeValue(long epochMillis) implements ExtensionValue {
    @Override
    public String typeName() {
        return "datetime";
    }

    @Override
    public String toCedar() {
        return "datetime(" + CedarStrings.quote(toString()) + ")";
    }
}
