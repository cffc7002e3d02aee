package io.cedarwood.engine.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddrValueTest {

    private static IpAddrValue ip(String s) {
        return IpAddrValue.parse(s);
    }

    @Test
    void parseIpv4SingleAddressHasFullPrefix() {
        IpAddrValue v = ip("192.168.0.1");
        assertThat(v.isIpv4()).isTrue();
        assertThat(v.isIpv6()).isFalse();
        assertThat(v.address()).isEqualTo(BigInteger.valueOf(0xC0A80001L));
        assertThat(v.prefixLength()).isEqualTo(32);
    }

    @Test
    void parseIpv6SingleAddressHasFullPrefix() {
        IpAddrValue v = ip("::1");
        assertThat(v.isIpv6()).isTrue();
        assertThat(v.address()).isEqualTo(BigInteger.ONE);
        assertThat(v.prefixLength()).isEqualTo(128);
    }

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "10.0.0.1/24, 10.0.0.1/24",
            "10.0.0.0/0, 10.0.0.0/0",
            "10.0.0.0/32, 10.0.0.0",
            "::, ::",
            "::/0, ::/0",
            "1::, 1::",
            "::ffff:ff00:1, ::ffff:ff00:1",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "FFEE::/64, ffee::/64",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "0:0:1:0:0:0:1:0, 0:0:1::1:0",
            "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789/128, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
            "1:0:0:0:0:0:0:0/1, 1::/1",
            "ff00::/128, ff00::",
    })
    void toStringIsCanonicalAndParsesBackToAnEqualValue(String text, String canonical) {
        IpAddrValue v = ip(text);
        assertThat(v.toString()).isEqualTo(canonical);
        assertThat(ip(v.toString())).isEqualTo(v);
        assertThat(v.toCedar()).isEqualTo("ip(\"" + canonical + "\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "01.2.3.4", "1.02.3.4", "1.2.3.004",
            "1.2.3.4 ", " 1.2.3.4", "1..2.3", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/024", "1.2.3.4/00", "1.2.3.4/-1",
            "1.2.3.4/+1", "1.2.3.4/1/2", "1.2.3.4/100", "a.b.c.d", "1.2.3.4:80",
            ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8", "12345::", "g::", "::/129", "::/0128", "::1/1280", ":1::", "1::2:", "::ffff:1.2.3.4",
            "::127.0.0.1", "::1%eth0", "[::1]", "\u0661.2.3.4", "１.2.3.4", "0:0:0:0:0:0:0:0:0/128",
            "0000:0000:0000:0000:0000:0000:0000:00000/12"})
    void parseWhenMalformedThenExtensionError(String text) {
        assertThatThrownBy(() -> ip(text))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessageStartingWith("error while evaluating `ipaddr` extension function: ");
    }

    @Test
    void parseWhenIpv4EmbeddedInIpv6ThenMessageSaysSo() {
        assertThatThrownBy(() -> ip("::ffff:127.0.0.1"))
                .hasMessageContaining("IPv4 embedded in IPv6");
    }

    @Test
    void parseWhenLongerThanTheLongestAddressThenError() {
        String longest = "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789/128";
        assertThat(ip(longest).prefixLength()).isEqualTo(128);
        assertThatThrownBy(() -> ip("0" + longest)).hasMessageContaining("string length is too large");
    }

    @Test
    void equalityComparesTheAddressAsWrittenAndThePrefix() {
        assertThat(ip("10.0.0.1/24")).isNotEqualTo(ip("10.0.0.0/24"));
        assertThat(ip("10.0.0.0/24")).isEqualTo(ip("10.0.0.0/24"));
        assertThat(ip("10.0.0.1")).isEqualTo(ip("10.0.0.1/32"));
        assertThat(ip("10.0.0.1/31")).isNotEqualTo(ip("10.0.0.1/32"));
        assertThat(ip("::1")).isEqualTo(ip("0:0:0:0:0:0:0:1"));
        assertThat(ip("::ffff:ff00:1")).isNotEqualTo(ip("255.0.0.1"));
        assertThat(ip("0.0.0.0")).isNotEqualTo(ip("::"));
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, true",
            "127.255.255.255, true",
            "127.0.0.0/8, true",
            "127.0.0.0/7, false",
            "126.0.0.1, false",
            "128.0.0.1, false",
            "::1, true",
            "::1/127, false",
            "::2, false",
            "::ffff:7f00:1, false",
    })
    void isLoopback(String text, boolean expected) {
        assertThat(ip(text).isLoopback()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "224.0.0.1, true",
            "239.255.255.255, true",
            "224.0.0.0/4, true",
            "224.0.0.0/3, false",
            "223.255.255.255, false",
            "240.0.0.0, false",
            "ff00::, true",
            "ff02::1, true",
            "ff00::/8, true",
            "ff00::/7, false",
            "fe00::, false",
    })
    void isMulticast(String text, boolean expected) {
        assertThat(ip(text).isMulticast()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, 10.0.0.0/24, true",
            "10.0.0.1, 10.0.0.1, true",
            "10.0.0.1, 10.0.0.2, false",
            "10.0.1.1, 10.0.0.0/24, false",
            "10.0.0.0/24, 10.0.0.0/16, true",
            "10.0.0.0/16, 10.0.0.0/24, false",
            "10.0.0.7/24, 10.0.0.200/24, true",
            "10.0.0.0/24, 10.0.0.1, false",
            "1.2.3.4, 0.0.0.0/0, true",
            "0.0.0.0/0, 0.0.0.0/0, true",
            "255.255.255.255, 255.255.255.254/31, true",
            "::1, ::/0, true",
            "::1, ::/127, true",
            "::2, ::/127, false",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff::/16, true",
            "2001:db8::1, 2001:db8::/32, true",
            "2001:db9::1, 2001:db8::/32, false",
            "10.0.0.1, ::/0, false",
            "::a00:1, 10.0.0.0/8, false",
    })
    void isInRange(String address, String range, boolean expected) {
        assertThat(ip(address).isInRange(ip(range))).isEqualTo(expected);
    }

    /** IPv4 ranges are compared in a long; on random ranges that must be what the bits say. */
    @Test
    void ipv4RangesAgreeWithTheirBitsOnRandomInput() {
        java.util.Random rnd = new java.util.Random(20261203);
        for (int n = 0; n < 20_000; n++) {
            IpAddrValue a = IpAddrValue.parse(v4(rnd) + "/" + rnd.nextInt(33));
            IpAddrValue r = IpAddrValue.parse(v4(rnd) + "/" + (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(33)));
            long aLow = a.address().longValue() >>> (32 - a.prefixLength()) << (32 - a.prefixLength());
            long rLow = r.address().longValue() >>> (32 - r.prefixLength()) << (32 - r.prefixLength());
            long aHigh = aLow + (1L << (32 - a.prefixLength())) - 1;
            long rHigh = rLow + (1L << (32 - r.prefixLength())) - 1;
            org.assertj.core.api.Assertions.assertThat(a.isInRange(r)).as("%s in %s", a, r)
                    .isEqualTo(rLow <= aLow && aHigh <= rHigh);
            long top = a.address().longValue() >>> 24;
            org.assertj.core.api.Assertions.assertThat(a.isLoopback()).isEqualTo(top == 127 && a.prefixLength() >= 8);
            org.assertj.core.api.Assertions.assertThat(a.isMulticast()).isEqualTo(top >= 224 && top < 240 && a.prefixLength() >= 4);
        }
    }

    private static String v4(java.util.Random rnd) {
        // few distinct first octets, so that ranges often nest; 127 and 224-239 for loopback and multicast
        int first = new int[] {10, 127, 224, 239, 240}[rnd.nextInt(5)];
        return first + "." + rnd.nextInt(3) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
    }
}
