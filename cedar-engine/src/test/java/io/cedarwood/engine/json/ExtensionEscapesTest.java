package io.cedarwood.engine.json;

import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Extension escapes read through the real extension functions ({@code Extensions.call}); until those are in
 * place these tests fail with "not implemented yet". The wiring itself is tested with a stand-in in
 * {@link ValueJsonTest}.
 */
class ExtensionEscapesTest {

    @Test
    void readEachConstructorEscape() {
        assertThat(CedarJson.readValue("{\"__extn\": {\"fn\": \"decimal\", \"arg\": \"1.5\"}}")).isEqualTo(new DecimalValue(15_000));
        assertThat(CedarJson.readValue("{\"__extn\": {\"fn\": \"ip\", \"arg\": \"10.0.0.1\"}}"))
                .isEqualTo(new IpAddrValue(false, BigInteger.valueOf(0x0a000001L), 32));
        assertThat(CedarJson.readValue("{\"__extn\": {\"fn\": \"duration\", \"arg\": \"1h\"}}")).isEqualTo(new DurationValue(3_600_000));
        assertThat(CedarJson.readValue("{\"__extn\": {\"fn\": \"datetime\", \"arg\": \"2024-01-01\"}}"))
                .isEqualTo(new DatetimeValue(1_704_067_200_000L));
    }

    @Test
    void readMultiArgumentEscapeAsTheReferenceWritesDatetimes() {
        assertThat(CedarJson.readValue("{\"__extn\": {\"fn\": \"offset\", \"args\": [{\"__extn\": {\"fn\": \"datetime\", \"arg\": \"1970-01-01\"}}, "
                + "{\"__extn\": {\"fn\": \"duration\", \"arg\": \"-5ms\"}}]}}")).isEqualTo(new DatetimeValue(-5));
    }

    @Test
    void writeThenReadGivesBackEachExtensionValue() {
        Value v = SetValue.of(new DecimalValue(-12_345), new DurationValue(-90_061_001),
                new DatetimeValue(1_700_000_000_123L), new DatetimeValue(-1),
                new IpAddrValue(false, BigInteger.valueOf(0xc0a80000L), 16),
                new IpAddrValue(true, new BigInteger("20010db8000000000000000000000001", 16), 64));
        assertThat(CedarJson.readValue(CedarJson.writeValue(v))).isEqualTo(v);
    }

    @Test
    void readWhenTheConstructorRejectsItsArgumentThenErrorAtTheEscape() {
        Throwable t = catchThrowable(() -> CedarJson.readEntities("""
                [{"uid": {"type": "U", "id": "u"}, "parents": [],
                  "attrs": {"d": {"__extn": {"fn": "decimal", "arg": "1.23456"}}}}]"""));
        assertThat(t).isInstanceOfSatisfying(JsonFormatException.class, e -> {
            assertThat(e.path()).isEqualTo("$[0].attrs.d");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(18);
            assertThat(e.reason()).isNotBlank();
        });
    }
}
