package io.cedarwood.spring.security;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarContextFactoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void webRequestGivesTimeClientIpMethodAndPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/app/lists/7");
        request.setContextPath("/app");
        request.setRemoteAddr("192.168.1.20");
        RecordValue context = new CedarContextFactory(CLOCK, List.of()).context(null, request);
        assertThat(context.attributes()).containsOnlyKeys("time", "clientIp", "method", "path", "secure");
        assertThat(context.get("time")).isEqualTo(DatetimeValue.parse("2025-06-01T12:00:00Z"));
        assertThat(context.get("clientIp")).isEqualTo(IpAddrValue.parse("192.168.1.20"));
        assertThat(context.get("method")).isEqualTo(StringValue.of("PUT"));
        assertThat(context.get("path")).isEqualTo(StringValue.of("/lists/7"));
        assertThat(context.get("secure")).isEqualTo(BoolValue.FALSE);
    }

    @Test
    void thePathIsDecodedAsTheRouteTableMatchesIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/lists/%37/caf%C3%A9");
        request.setContextPath("/app");
        request.setSecure(true);
        RecordValue context = new CedarContextFactory(CLOCK, List.of()).context(null, request);
        assertThat(context.get("path")).isEqualTo(StringValue.of("/lists/7/caf\u00e9"));
        assertThat(context.get("secure")).isEqualTo(BoolValue.TRUE);
    }

    @Test
    void outsideAWebRequestOnlyTheTime() {
        RecordValue context = new CedarContextFactory(CLOCK, List.of()).context(null, null);
        assertThat(context.attributes()).containsOnlyKeys("time");
    }

    @Test
    void contributorsAddEntries() {
        CedarContextContributor tenant = (context, authentication, request) -> context.put("tenant", StringValue.of("acme"));
        RecordValue context = new CedarContextFactory(CLOCK, List.of(tenant)).context(null, null);
        assertThat(context.get("tenant")).isEqualTo(StringValue.of("acme"));
    }
}
