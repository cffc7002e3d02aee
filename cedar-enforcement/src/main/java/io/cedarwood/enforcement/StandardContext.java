package io.cedarwood.enforcement;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The context keys every integration sets, the same way everywhere. Application contributors add
 * their own keys after these (and may replace them).
 *
 * <ul>
 *   <li>{@code time} ({@code datetime}): when the decision is made, to the millisecond, from the
 *       integration's clock;</li>
 * </ul>
 * and during an HTTP request:
 * <ul>
 *   <li>{@code clientIp} ({@code ipaddr}): the connection's remote address as the container reports it
 *       (the client's only when the container is told about proxies), normalised by {@link ClientIp};</li>
 *   <li>{@code method} ({@code String}): the HTTP method as sent, {@code "GET"};</li>
 *   <li>{@code path} ({@code String}): the path within the application, that is without the context path,
 *       percent-decoded, as the container dispatches it and as the route table matches it:
 *       {@code "/lists/7"} for {@code /app/lists/%37}. Requests whose path is ambiguous once decoded are
 *       refused before any decision ({@link RequestPaths});</li>
 *   <li>{@code secure} ({@code Bool}): whether the request came over HTTPS (as the container reports it).</li>
 * </ul>
 */
public final class StandardContext {
    public static final String TIME = "time";
    public static final String CLIENT_IP = "clientIp";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String SECURE = "secure";

    private StandardContext() {
    }

    /** A context with only {@code time}: for a method call outside a web request. */
    public static Map<String, Value> of(Clock clock) {
        Map<String, Value> context = new LinkedHashMap<>();
        context.put(TIME, new DatetimeValue(clock.millis()));
        return context;
    }

    /**
     * A context with every standard key.
     *
     * @param remoteAddr the remote address as the container gives it
     * @param path the decoded path within the application (see the class comment)
     * @throws IllegalArgumentException when {@code remoteAddr} is not an IP address
     */
    public static Map<String, Value> http(Clock clock, String remoteAddr, String method, String path, boolean secure) {
        Map<String, Value> context = of(clock);
        context.put(CLIENT_IP, ClientIp.of(remoteAddr));
        context.put(METHOD, StringValue.of(method));
        context.put(PATH, StringValue.of(path));
        context.put(SECURE, BoolValue.of(secure));
        return context;
    }
}
