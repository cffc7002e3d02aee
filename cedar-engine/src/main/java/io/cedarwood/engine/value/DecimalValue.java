package io.cedarwood.engine.value;

/**
 * A Cedar {@code decimal}: a fixed-point number with four digits after the point, stored as the
 * underlying 64-bit count of ten-thousandths.
 */
public record DecimalValue(long unscaled) implements ExtensionValue {
    @Override
    public String typeName() {
        return "decimal";
    }

    @Override
    public String toCedar() {
        return "decimal(" + CedarStrings.quote(toString()) + ")";
    }

    /** The decimal written with exactly four fractional digits: {@code 1.2300}, {@code -0.0001}. */
    @Override
    public String toString() {
        long abs = Math.abs(unscaled);
        String sign = unscaled < 0 ? "-" : "";
        if (unscaled == Long.MIN_VALUE) {
            return "-922337203685477.5808";
        }
        return sign + (abs / 10_000) + "." + String.format("%04d", abs % 10_000);
    }
}
