package io.cedarwood.engine.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatetimeValueTest {

    private static long millis(String s) {
        return DatetimeValue.parse(s).epochMillis();
    }

    @ParameterizedTest
    @CsvSource({
            "1970-01-01, 0",
            "1970-01-02, 86400000",
            "1969-12-31, -86400000",
            "1970-01-01T00:00:00Z, 0",
            "1970-01-01T00:00:00.001Z, 1",
            "1970-01-01T00:00:01Z, 1000",
            "2024-10-15T11:35:00Z, 1728992100000",
            "2024-10-15T11:35:00.123Z, 1728992100123",
            "2024-10-15T11:35:00+0100, 1728988500000",
            "2024-10-15T11:35:00-0130, 1728997500000",
            "2024-10-15T11:35:00.999+2359, 1728905760999",
            "2024-10-15T11:35:00.999-2359, 1729078440999",
            "2024-10-15T11:35:00+0000, 1728992100000",
            "2024-10-15T11:35:00-0000, 1728992100000",
            "0000-01-01, -62167219200000",
            "9999-12-31T23:59:59.999Z, 253402300799999",
    })
    void parseAcceptsEveryFormOfTheReference(String text, long expected) {
        assertThat(millis(text)).isEqualTo(expected);
    }

    @Test
    void parseAgreesWithJavaTimeOnRandomInstants() {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            int year = random.nextInt(10_000);
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
            int h = random.nextInt(24);
            int m = random.nextInt(60);
            int s = random.nextInt(60);
            int ms = random.nextInt(1000);
            int offH = random.nextInt(24);
            int offM = random.nextInt(60);
            boolean positive = random.nextBoolean();
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03d%s%02d%02d", year, date.getMonthValue(),
                    date.getDayOfMonth(), h, m, s, ms, positive ? "+" : "-", offH, offM);
            // java.time offsets stop at 18 hours, Cedar's at 24: subtract the offset by hand
            long offsetSeconds = (positive ? 1 : -1) * (offH * 3600L + offM * 60L);
            long expected = (LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), h, m, s)
                    .toEpochSecond(ZoneOffset.UTC) - offsetSeconds) * 1000 + ms;
            assertThat(millis(text)).as(text).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2024-02-29, true",
            "2023-02-29, false",
            "2000-02-29, true",
            "1900-02-29, false",
            "0000-02-29, true",
            "0004-02-29, true",
            "0100-02-29, false",
            "2024-04-30, true",
            "2024-04-31, false",
            "2024-12-31, true",
            "2024-01-32, false",
            "2024-13-01, false",
            "2024-00-10, false",
            "2024-01-00, false",
    })
    void parseChecksTheCalendar(String text, boolean valid) {
        if (valid) {
            assertThat(millis(text)).isEqualTo(LocalDate.parse(text).toEpochDay() * 86_400_000L);
        } else {
            assertThatThrownBy(() -> millis(text)).hasMessageContaining("invalid date");
            assertThatThrownBy(() -> millis(text + "T00:00:00Z")).hasMessageContaining("invalid date");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "2024", "2024-1-01", "24-01-01", "2024/01/01", "20240101", "10000-01-01", "-001-01-01", "+2024-01-01",
            "２０２４-01-01", "2024-01-01T", "2024-01-01 ", "2024-01-01Z", "2024-01-01T00:00:00", "2024-01-01T00:00Z",
            "2024-01-01 00:00:00Z", "2024-01-01t00:00:00Z", "2024-01-01T00:00:00z", "2024-01-01T00:00:00.12Z",
            "2024-01-01T00:00:00.1234Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+01", "2024-01-01T00:00:00+01:00",
            "2024-01-01T00:00:00+010", "2024-01-01T00:00:00+01000", "2024-01-01T00:00:00Z ", "2024-01-01T00:00:00ZZ",
            "2024-01-01T0:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z",
            "2024-01-01T99:99:99Z", "2024-01-01T00:00:00+2400", "2024-01-01T00:00:00-0060", "2024-01-01T00:00:00+9999",
            "2024-01-01T00:00:00.000", "2024-01-01T00:00:00.000+0000Z", "2024-02-30T00:00:00+2400"})
    void parseWhenMalformedThenExtensionError(String text) {
        assertThatThrownBy(() -> DatetimeValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessageStartingWith("error while evaluating `datetime` extension function: ");
    }

    @Test
    void parseReportsProblemsInTheReferencesOrder() {
        // the whole pattern is checked before any range, and the date before the time before the offset
        assertThatThrownBy(() -> millis("2024-02-30T25:00:00")).hasMessageContaining("millisecond and/or offset pattern");
        assertThatThrownBy(() -> millis("2024-02-30T25:00:00+2500")).hasMessageContaining("invalid date");
        assertThatThrownBy(() -> millis("2024-02-01T25:00:00+2500")).hasMessageContaining("invalid hour/minute/second");
        assertThatThrownBy(() -> millis("2024-02-01T23:00:00+2500")).hasMessageContaining("invalid offset");
        assertThatThrownBy(() -> millis("2024-02-01X")).hasMessageContaining("hour/minute/second pattern");
        assertThatThrownBy(() -> millis("2024-2-01")).hasMessageContaining("invalid date pattern");
    }

    @Test
    void offsetsMayCarryTheInstantOutsideTheFourDigitYears() {
        assertThat(millis("0000-01-01T00:00:00+0100")).isEqualTo(millis("0000-01-01") - 3_600_000);
        DatetimeValue beyond = DatetimeValue.parse("9999-12-31T23:59:59-2359");
        assertThat(beyond.hasDatetimeText()).isFalse();
        assertThat(beyond.toString()).isEqualTo("+10000-01-01T23:58:59Z");
    }

    @ParameterizedTest
    @CsvSource({
            "1970-01-01, 1970-01-01",
            "2024-10-15T00:00:00Z, 2024-10-15",
            "2024-10-15T11:35:00Z, 2024-10-15T11:35:00Z",
            "2024-10-15T11:35:00.050Z, 2024-10-15T11:35:00.050Z",
            "2024-10-15T11:35:00+0100, 2024-10-15T10:35:00Z",
            "0000-01-01, 0000-01-01",
            "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
            "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z",
    })
    void toStringIsTheShortestUtcFormAndParsesBack(String text, String expected) {
        DatetimeValue v = DatetimeValue.parse(text);
        assertThat(v.toString()).isEqualTo(expected);
        assertThat(DatetimeValue.parse(v.toString())).isEqualTo(v);
        assertThat(v.toCedar()).isEqualTo("datetime(\"" + expected + "\")");
    }

    @Test
    void toCedarOfAnInstantNoDatetimeStringNamesIsAnOffsetFromTheEpoch() {
        assertThat(new DatetimeValue(Long.MAX_VALUE).toCedar())
                .isEqualTo("datetime(\"1970-01-01\").offset(duration(\"9223372036854775807ms\"))");
        assertThat(new DatetimeValue(Long.MIN_VALUE).toCedar())
                .isEqualTo("datetime(\"1970-01-01\").offset(duration(\"-9223372036854775808ms\"))");
        assertThat(new DatetimeValue(millis("0000-01-01") - 1).toString()).isEqualTo("-0001-12-31T23:59:59.999Z");
        assertThat(new DatetimeValue(millis("0000-01-01") - 1).hasDatetimeText()).isFalse();
        assertThat(new DatetimeValue(millis("0000-01-01")).hasDatetimeText()).isTrue();
    }

    @Test
    void toStringCoversTheWholeRangeOfLong() {
        assertThat(new DatetimeValue(Long.MAX_VALUE).toString()).isEqualTo("+292278994-08-17T07:12:55.807Z");
        assertThat(new DatetimeValue(Long.MIN_VALUE).toString()).isEqualTo("-292275055-05-16T16:47:04.192Z");
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "1, 1",
            "86399999, 86399999",
            "86400000, 0",
            "-1, 86399999",
            "-86400000, 0",
            "-86400001, 86399999",
    })
    void toTimeIsTheTimeOfDayEvenBeforeTheEpoch(long epochMillis, long expected) {
        assertThat(new DatetimeValue(epochMillis).toTime()).isEqualTo(new DurationValue(expected));
    }

    @Test
    void compareToOrdersByInstant() {
        assertThat(DatetimeValue.parse("2024-01-01").compareTo(DatetimeValue.parse("2024-01-01T00:00:00.001Z"))).isNegative();
        assertThat(DatetimeValue.parse("2024-01-01T01:00:00+0100")).isEqualTo(DatetimeValue.parse("2024-01-01"));
    }
}
