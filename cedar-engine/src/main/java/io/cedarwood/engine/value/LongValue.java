package io.cedarwood.engine.value;

/** A Cedar {@code Long}: a signed 64-bit integer. */
public record LongValue(long value) implements Value {
    public static LongValue of(long value) {
        return new LongValue(value);
    }

    @Override
    public String typeName() {
        return "long";
    }

    @Override
    public String toCedar() {
        // Long.MIN_VALUE has no literal of its own: it is written as the negation of a literal
        return value == Long.MIN_VALUE ? "-9223372036854775808" : Long.toString(value);
    }
}
