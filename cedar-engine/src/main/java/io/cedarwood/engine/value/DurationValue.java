package io.cedarwood.engine.value;

import java.math.BigInteger;

/** A Cedar {@code duration}: a signed number of milliseconds. */
public record DurationValue(long millis) implements ExtensionValue, Comparable<DurationValue> {
    public static final long MILLIS_PER_SECOND = 1_000;
    public static final long MILLIS_PER_MINUTE = 60 * MILLIS_PER_SECOND;
    public static final long MILLIS_PER_HOUR = 60 * MILLIS_PER_MINUTE;
    public static final long MILLIS_PER_DAY = 24 * MILLIS_PER_HOUR;

    /** The units in the order a duration must list them, with their length in milliseconds. */
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {MILLIS_PER_DAY, MILLIS_PER_HOUR, MILLIS_PER_MINUTE, MILLIS_PER_SECOND, 1};

    /**
     * Parses a duration as the reference does: an optional {@code -}, then quantity-unit pairs such as
     * {@code 1d2h3m4s5ms}, with units among {@code d h m s ms}, each at most once and in that order, and
     * at least one pair. Quantities are unsigned decimal numbers; the total must fit in 64 bits of
     * milliseconds.
     *
     * @throws EvaluationException of kind {@code EXTENSION_ERROR} when {@code s} is not such a duration
     */
    public static DurationValue parse(String s) {
        boolean negative = s.startsWith("-");
        int i = negative ? 1 : 0;
        if (i == s.length()) {
            throw error("invalid duration pattern in `" + s + "`");
        }
        // first the syntax, as the reference matches its pattern before it looks at any quantity
        int[] quantityStart = new int[UNITS.length];
        int[] quantityEnd = new int[UNITS.length];
        int nextUnit = 0; // index into UNITS of the largest unit still allowed
        while (i < s.length()) {
            int digitsStart = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digitsStart || i == s.length()) {
                throw error("invalid duration pattern in `" + s + "`");
            }
            // after digits, "ms" is always the unit ms: a unit m followed by s would need digits in between
            String unit = s.startsWith("ms", i) ? "ms" : s.substring(i, i + 1);
            int u = indexOfUnit(unit);
            if (u < nextUnit) {
                throw error("invalid duration pattern in `" + s + "`");
            }
            quantityStart[u] = digitsStart;
            quantityEnd[u] = i;
            nextUnit = u + 1;
            i += unit.length();
        }
        // then the value: every quantity has the sign of the whole, so the total overflows iff its magnitude does
        BigInteger total = BigInteger.ZERO;
        for (int u = 0; u < UNITS.length; u++) {
            if (quantityEnd[u] == 0) {
                continue;
            }
            int start = quantityStart[u];
            while (start < quantityEnd[u] - 1 && s.charAt(start) == '0') {
                start++;
            }
            if (quantityEnd[u] - start > 19) {
                throw overflow(s);
            }
            total = total.add(new BigInteger(s.substring(start, quantityEnd[u])).multiply(BigInteger.valueOf(UNIT_MILLIS[u])));
        }
        if (negative) {
            total = total.negate();
        }
        if (total.bitLength() > 63) {
            throw overflow(s);
        }
        return new DurationValue(total.longValue());
    }

    /** The unit's index in {@link #UNITS}, or -1 (which is never allowed) for anything else. */
    private static int indexOfUnit(String unit) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return u;
            }
        }
        return -1;
    }

    private static EvaluationException overflow(String s) {
        return error("`" + s + "` overflows the 64-bit count of milliseconds");
    }

    private static EvaluationException error(String message) {
        return new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                "error while evaluating `duration` extension function: " + message);
    }

    /** Whole seconds, rounded toward zero. */
    public long toSeconds() {
        return millis / MILLIS_PER_SECOND;
    }

    /** Whole minutes, rounded toward zero. */
    public long toMinutes() {
        return toSeconds() / 60;
    }

    /** Whole hours, rounded toward zero. */
    public long toHours() {
        return toMinutes() / 60;
    }

    /** Whole days, rounded toward zero. */
    public long toDays() {
        return toHours() / 24;
    }

    @Override
    public int compareTo(DurationValue other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String typeName() {
        return "duration";
    }

    @Override
    public String toCedar() {
        return "duration(" + CedarStrings.quote(toString()) + ")";
    }

    /** The duration in milliseconds as the reference writes it: {@code 90000ms}, {@code -1ms}. */
    @Override
    public String toString() {
        return millis + "ms";
    }
}
