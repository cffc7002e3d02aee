package io.cedarwood.engine.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationValueTest {

    private static long millis(String s) {
        return DurationValue.parse(s).millis();
    }

    @ParameterizedTest
    @CsvSource({
            "0ms, 0",
            "-0ms, 0",
            "0d0h0m0s0ms, 0",
            "1ms, 1",
            "1s, 1000",
            "1m, 60000",
            "1h, 3600000",
            "1d, 86400000",
            "-1d, -86400000",
            "1d2h3m4s5ms, 93784005",
            "-1d2h3m4s5ms, -93784005",
            "1m1ms, 60001",
            "1h1m, 3660000",
            "2d12h, 216000000",
            "90m, 5400000",
            "00001s, 1000",
            "1000000ms, 1000000",
            "9223372036854775807ms, 9223372036854775807",
            "-9223372036854775808ms, -9223372036854775808",
            "106751991167d7h12m55s807ms, 9223372036854775807",
            "-106751991167d7h12m55s808ms, -9223372036854775808",
            "106751991167d, 9223372036828800000",
            "000000000000000000000000000000001d, 86400000",
    })
    void parseAddsUpTheQuantities(String text, long expected) {
        assertThat(millis(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1", "d", "ms", "-d", "1x", "1d1d", "1h1d", "1s1m", "1ms1s", "1ms1ms", "1.5h",
            " 1d", "1d ", "+1d", "--1d", "1D", "1d-1h", "1mss", "1msms", "1sm", "1d2", "\u0661d", "1 d", "1y", "1w",
            "1us", "1ns", "1m-"})
    void parseWhenMalformedThenExtensionError(String text) {
        assertThatThrownBy(() -> DurationValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessage("error while evaluating `duration` extension function: invalid duration pattern in `" + text + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808ms", "-9223372036854775809ms", "18446744073709551616ms",
            "106751991168d", "-106751991167d7h12m55s809ms", "106751991167d7h12m55s808ms", "99999999999999999999999999d",
            "1d9223372036854775807ms"})
    void parseWhenOutOfRangeThenOverflowIsAnExtensionError(String text) {
        assertThatThrownBy(() -> DurationValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessageContaining("overflow");
    }

    @Test
    void parseChecksThePatternBeforeAnyQuantity() {
        assertThatThrownBy(() -> DurationValue.parse("99999999999999999999999d1x"))
                .hasMessageContaining("invalid duration pattern");
    }

    @ParameterizedTest
    @CsvSource({
            "1d2h3m4s5ms, 93784005, 93784, 1563, 26, 1",
            "-1d2h3m4s5ms, -93784005, -93784, -1563, -26, -1",
            "-1ms, -1, 0, 0, 0, 0",
            "-1500ms, -1500, -1, 0, 0, 0",
            "59s, 59000, 59, 0, 0, 0",
            "-23h59m, -86340000, -86340, -1439, -23, 0",
            "47h, 169200000, 169200, 2820, 47, 1",
    })
    void conversionsRoundTowardZero(String text, long ms, long s, long m, long h, long d) {
        DurationValue v = DurationValue.parse(text);
        assertThat(v.millis()).isEqualTo(ms);
        assertThat(v.toSeconds()).isEqualTo(s);
        assertThat(v.toMinutes()).isEqualTo(m);
        assertThat(v.toHours()).isEqualTo(h);
        assertThat(v.toDays()).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 93784005, Long.MAX_VALUE, Long.MIN_VALUE})
    void toCedarWritesMillisecondsThatParseBack(long ms) {
        DurationValue v = new DurationValue(ms);
        assertThat(v.toString()).isEqualTo(ms + "ms");
        assertThat(v.toCedar()).isEqualTo("duration(\"" + ms + "ms\")");
        assertThat(DurationValue.parse(v.toString())).isEqualTo(v);
    }

    @Test
    void equalityComparesMilliseconds() {
        assertThat(DurationValue.parse("1h")).isEqualTo(DurationValue.parse("60m"));
        assertThat(DurationValue.parse("1h").compareTo(DurationValue.parse("59m59s999ms"))).isPositive();
    }
}
