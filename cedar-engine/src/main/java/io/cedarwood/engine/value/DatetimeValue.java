package io.cedarwood.engine.value;

/** A Cedar {@code datetime}: milliseconds since the Unix epoch, UTC, leap seconds not counted. */
public record DatetimeValue(long epochMillis) implements ExtensionValue, Comparable<DatetimeValue> {
    private static final long MILLIS_PER_DAY = DurationValue.MILLIS_PER_DAY;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the range a datetime string can name in UTC. */
    private static final long MIN_TEXT_MILLIS = daysFromCivil(0, 1, 1) * MILLIS_PER_DAY;
    private static final long END_TEXT_MILLIS = daysFromCivil(10_000, 1, 1) * MILLIS_PER_DAY;

    /**
     * Parses one of the forms the reference accepts, with a four-digit year ({@code 0000} to {@code 9999},
     * proleptic Gregorian calendar) and two-digit fields:
     * <ul>
     *   <li>{@code YYYY-MM-DD} (midnight UTC)</li>
     *   <li>{@code YYYY-MM-DDThh:mm:ssZ} and {@code YYYY-MM-DDThh:mm:ss.SSSZ}</li>
     *   <li>{@code YYYY-MM-DDThh:mm:ss(+|-)hhmm} and {@code YYYY-MM-DDThh:mm:ss.SSS(+|-)hhmm}, the offset
     *       below 24 hours with minutes below 60, normalized to UTC</li>
     * </ul>
     * Hours are below 24, minutes and seconds below 60 (no leap second).
     *
     * @throws EvaluationException of kind {@code EXTENSION_ERROR} when {@code s} is not such a datetime
     */
    public static DatetimeValue parse(String s) {
        // the syntax first, left to right, then the ranges, as the reference does
        if (!(digitsAt(s, 0, 4) && charAt(s, 4, '-') && digitsAt(s, 5, 2) && charAt(s, 7, '-') && digitsAt(s, 8, 2))) {
            throw error("invalid date pattern in `" + s + "`");
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (s.length() == 10) {
            checkDate(s, year, month, day);
            return new DatetimeValue(daysFromCivil(year, month, day) * MILLIS_PER_DAY);
        }
        if (!(charAt(s, 10, 'T') && digitsAt(s, 11, 2) && charAt(s, 13, ':') && digitsAt(s, 14, 2)
                && charAt(s, 16, ':') && digitsAt(s, 17, 2))) {
            throw error("invalid hour/minute/second pattern in `" + s + "`");
        }
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int i = 19;
        int millis = 0;
        if (charAt(s, i, '.') && digitsAt(s, i + 1, 3)) {
            millis = number(s, i + 1, 3);
            i += 4;
        }
        int offsetSeconds = 0;
        boolean offsetOk;
        int offsetHours = 0;
        int offsetMinutes = 0;
        if (charAt(s, i, 'Z') && s.length() == i + 1) {
            offsetOk = true;
        } else if ((charAt(s, i, '+') || charAt(s, i, '-')) && digitsAt(s, i + 1, 4) && s.length() == i + 5) {
            offsetHours = number(s, i + 1, 2);
            offsetMinutes = number(s, i + 3, 2);
            offsetOk = offsetHours < 24 && offsetMinutes < 60;
            offsetSeconds = (s.charAt(i) == '+' ? 1 : -1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            throw error("invalid millisecond and/or offset pattern in `" + s + "`");
        }
        checkDate(s, year, month, day);
        if (hour >= 24 || minute >= 60 || second >= 60) {
            throw error("invalid hour/minute/second: `" + s.substring(11, 19) + "`");
        }
        if (!offsetOk) {
            throw error("invalid offset range: `" + s.substring(i) + "`: hours must be below 24 and minutes below 60");
        }
        long epochSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return new DatetimeValue(epochSeconds * 1000 + millis);
    }

    private static boolean charAt(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /** Whether {@code s} has {@code n} ASCII digits starting at {@code i}. */
    private static boolean digitsAt(String s, int i, int n) {
        if (i + n > s.length()) {
            return false;
        }
        for (int k = i; k < i + n; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int i, int n) {
        int value = 0;
        for (int k = i; k < i + n; k++) {
            value = value * 10 + (s.charAt(k) - '0');
        }
        return value;
    }

    private static void checkDate(String s, int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw error("invalid date: `" + s.substring(0, 10) + "`");
        }
    }

    private static boolean isLeapYear(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to the given date of the proleptic Gregorian calendar. */
    private static long daysFromCivil(long year, int month, int day) {
        // shift the year to start in March so that the leap day is the last day of the year
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static EvaluationException error(String message) {
        return new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                "error while evaluating `datetime` extension function: " + message);
    }

    /** The time of day: the milliseconds since the last midnight UTC (never negative). */
    public DurationValue toTime() {
        return new DurationValue(Math.floorMod(epochMillis, MILLIS_PER_DAY));
    }

    /**
     * Whether a datetime string can name this instant in UTC: it lies in the years {@code 0000} to
     * {@code 9999}. Others (reached with {@code offset}) are written as an offset from the epoch.
     */
    public boolean hasDatetimeText() {
        return epochMillis >= MIN_TEXT_MILLIS && epochMillis < END_TEXT_MILLIS;
    }

    @Override
    public int compareTo(DatetimeValue other) {
        return Long.compare(epochMillis, other.epochMillis);
    }

    @Override
    public String typeName() {
        return "datetime";
    }

    /**
     * A Cedar expression for this datetime: {@code datetime("2024-10-15T11:35:00Z")}, or for an instant no
     * datetime string can name, {@code datetime("1970-01-01").offset(duration("...ms"))}.
     */
    @Override
    public String toCedar() {
        if (hasDatetimeText()) {
            return "datetime(" + CedarStrings.quote(toString()) + ")";
        }
        return "datetime(\"1970-01-01\").offset(" + new DurationValue(epochMillis).toCedar() + ")";
    }

    /**
     * The instant in UTC in the shortest form {@link #parse} reads back: {@code 2024-10-15} at midnight,
     * {@code 2024-10-15T11:35:00Z} on a whole second, {@code 2024-10-15T11:35:00.250Z} otherwise. Years
     * outside {@code 0000..9999} are written with a sign and as many digits as needed (such text does not
     * parse; {@link #toCedar} does).
     */
    @Override
    public String toString() {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // civil date from days since the epoch (the inverse of daysFromCivil)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        StringBuilder out = new StringBuilder(24);
        if (year < 0) {
            out.append('-');
        } else if (year > 9999) {
            out.append('+');
        }
        pad(out, Math.abs(year), 4).append('-');
        pad(out, month, 2).append('-');
        pad(out, day, 2);
        if (millisOfDay == 0) {
            return out.toString();
        }
        long seconds = millisOfDay / 1000;
        out.append('T');
        pad(out, seconds / 3600, 2).append(':');
        pad(out, seconds / 60 % 60, 2).append(':');
        pad(out, seconds % 60, 2);
        if (millisOfDay % 1000 != 0) {
            pad(out.append('.'), millisOfDay % 1000, 3);
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, long n, int width) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
