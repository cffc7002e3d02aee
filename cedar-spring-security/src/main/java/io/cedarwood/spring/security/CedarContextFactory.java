package io.cedarwood.spring.security;

import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.RequestPath;
import org.springframework.security.core.Authentication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the context record of a Cedar request:
 * <ul>
 *   <li>{@code time}: a {@code datetime}, now;</li>
 *   <li>during a web request, {@code clientIp} (an {@code ipaddr}: the request's remote address, which
 *       is the client's when the server is told about proxies, e.g. {@code server.forward-headers-strategy}),
 *       {@code method} ({@code "GET"}) and {@code path} (within the application, {@code "/lists/7"});</li>
 *   <li>whatever the {@link CedarContextContributor}s add.</li>
 * </ul>
 */
public final class CedarContextFactory {
    private final Clock clock;
    private final List<CedarContextContributor> contributors;

    public CedarContextFactory(Clock clock, List<CedarContextContributor> contributors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.contributors = List.copyOf(contributors);
    }

    public CedarContextFactory() {
        this(Clock.systemUTC(), List.of());
    }

    /** The context for a request by {@code authentication}; {@code request} is {@code null} outside a web request. */
    public RecordValue context(Authentication authentication, HttpServletRequest request) {
        Map<String, Value> context = new LinkedHashMap<>();
        context.put("time", new DatetimeValue(clock.millis()));
        if (request != null) {
            context.put("clientIp", clientIp(request.getRemoteAddr()));
            context.put("method", StringValue.of(request.getMethod()));
            context.put("path", StringValue.of(path(request)));
        }
        for (CedarContextContributor c : contributors) {
            c.contribute(context, authentication, request);
        }
        return RecordValue.of(context);
    }

    /** The path within the application, percent-encoded as sent. */
    static String path(HttpServletRequest request) {
        return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication().value();
    }

    /**
     * The remote address as an {@code ipaddr}. Servlet containers give a literal address, IPv6 possibly
     * with a zone ({@code fe80::1%eth0}) or an IPv4-mapped form, which Cedar does not accept as such.
     */
    static IpAddrValue clientIp(String remoteAddr) {
        String address = remoteAddr;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.indexOf(':') >= 0 && address.indexOf('.') >= 0) {
            try {
                // a literal (it has a colon), so no name lookup; a mapped IPv4 address comes back as IPv4
                address = InetAddress.getByName(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: `" + remoteAddr + "`", e);
            }
        }
        return IpAddrValue.parse(address);
    }
}
