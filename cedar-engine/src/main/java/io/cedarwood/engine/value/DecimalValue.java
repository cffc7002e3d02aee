package io.cedarwood.engine.value;

/**
 * A Cedar {@code decimal}: a fixed-point number with four digits after the point, stored as the
 * underlying 64-bit count of ten-thousandths. Two decimals are equal when their values are equal,
 * however they were written ({@code decimal("1.0") == decimal("1.0000")}).
 */
public record DecimalValue(long unscaled) implements ExtensionValue, Comparable<DecimalValue> {
    /** Digits allowed after the point. */
    public static final int FRACTION_DIGITS = 4;

    private static final long SCALE = 10_000;
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000};

    /**
     * Parses {@code -?[0-9]+\.[0-9]+} with at most four digits after the point, as the reference does:
     * digits are required on both sides of the point, a leading {@code +} is not allowed, leading zeros
     * are, and the value must lie in {@code -922337203685477.5808 ..= 922337203685477.5807}.
     *
     * @throws EvaluationException of kind {@code EXTENSION_ERROR} when {@code s} is not such a decimal
     */
    public static DecimalValue parse(String s) {
        boolean negative = s.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = s.indexOf('.');
        if (dot < 0 || !isAsciiDigits(s, start, dot) || !isAsciiDigits(s, dot + 1, s.length())) {
            throw error("`" + s + "` is not a well-formed decimal value");
        }
        long scaledInteger = parseMagnitude(s, start, dot);
        if (scaledInteger < 0 || scaledInteger > Long.MAX_VALUE / SCALE) {
            throw error("overflow when converting to decimal");
        }
        scaledInteger *= SCALE;
        int fractionLength = s.length() - dot - 1;
        if (fractionLength > FRACTION_DIGITS) {
            throw error("too many digits after the decimal in `" + s + "`");
        }
        long fraction = parseMagnitude(s, dot + 1, s.length()) * POW10[FRACTION_DIGITS - fractionLength];
        // the magnitude of the integer part fits, so its negation does too; only adding the fraction can overflow
        try {
            return new DecimalValue(negative
                    ? Math.subtractExact(-scaledInteger, fraction)
                    : Math.addExact(scaledInteger, fraction));
        } catch (ArithmeticException e) {
            throw error("overflow when converting to decimal");
        }
    }

    /** Whether {@code s[from, to)} is one or more ASCII digits. */
    private static boolean isAsciiDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits {@code s[from, to)} as a non-negative long, or -1 when they do not fit. */
    private static long parseMagnitude(String s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (n > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }

    private static EvaluationException error(String message) {
        return new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                "error while evaluating `decimal` extension function: " + message);
    }

    @Override
    public int compareTo(DecimalValue other) {
        return Long.compare(unscaled, other.unscaled);
    }

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
        if (unscaled == Long.MIN_VALUE) {
            return "-922337203685477.5808";
        }
        long abs = Math.abs(unscaled);
        String fraction = Long.toString(abs % SCALE);
        return (unscaled < 0 ? "-" : "") + (abs / SCALE) + "." + "0".repeat(FRACTION_DIGITS - fraction.length()) + fraction;
    }
}
