package io.cedarwood.engine.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalValueTest {

    @ParameterizedTest
    @CsvSource({
            "1.0, 10000",
            "1.0000, 10000",
            "-1.5, -15000",
            "-0.0, 0",
            "0.0001, 1",
            "-0.0001, -1",
            "12.34, 123400",
            "007.5, 75000",
            "922337203685477.5807, 9223372036854775807",
            "-922337203685477.5808, -9223372036854775808",
            "0000000000000000000000000001.0, 10000",
    })
    void parseWhenWellFormedThenExactValue(String text, long unscaled) {
        assertThat(DecimalValue.parse(text).unscaled()).isEqualTo(unscaled);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.", ".5", "-.5", "+1.0", "1.0.0", "1,0", " 1.0", "1.0 ", "1e3.0", "--1.0",
            "-", "-1", "1.-5", "\u0661.0", "1.\uff10", "abc"})
    void parseWhenMalformedThenExtensionError(String text) {
        assertThatThrownBy(() -> DecimalValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessageContaining("is not a well-formed decimal value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.00000", "0.12345", "-1.000000000"})
    void parseWhenMoreThanFourFractionDigitsThenExtensionError(String text) {
        assertThatThrownBy(() -> DecimalValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessage("error while evaluating `decimal` extension function: too many digits after the decimal in `"
                        + text + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"922337203685477.5808", "-922337203685477.5809", "922337203685478.0",
            "9223372036854775807.0", "-9223372036854775808.0", "99999999999999999999999.0"})
    void parseWhenOutOfRangeThenOverflowIsAnExtensionError(String text) {
        assertThatThrownBy(() -> DecimalValue.parse(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessage("error while evaluating `decimal` extension function: overflow when converting to decimal");
    }

    @Test
    void equalityComparesValuesNotText() {
        assertThat(DecimalValue.parse("1.0")).isEqualTo(DecimalValue.parse("1.0000"));
        assertThat(DecimalValue.parse("-0.0")).isEqualTo(DecimalValue.parse("0.0"));
        assertThat(DecimalValue.parse("1.1")).isNotEqualTo(DecimalValue.parse("1.01"));
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0000",
            "-1.5, -1.5000",
            "0.0001, 0.0001",
            "-0.0001, -0.0001",
            "922337203685477.5807, 922337203685477.5807",
            "-922337203685477.5808, -922337203685477.5808",
    })
    void toStringWritesFourFractionDigitsAndParsesBack(String text, String expected) {
        DecimalValue d = DecimalValue.parse(text);
        assertThat(d.toString()).isEqualTo(expected);
        assertThat(DecimalValue.parse(d.toString())).isEqualTo(d);
        assertThat(d.toCedar()).isEqualTo("decimal(\"" + expected + "\")");
    }

    @Test
    void compareToOrdersByValue() {
        assertThat(DecimalValue.parse("-1.0").compareTo(DecimalValue.parse("0.5"))).isNegative();
        assertThat(DecimalValue.parse("2.0").compareTo(DecimalValue.parse("1.9999"))).isPositive();
        assertThat(DecimalValue.parse("2.0").compareTo(DecimalValue.parse("2.00"))).isZero();
    }
}
