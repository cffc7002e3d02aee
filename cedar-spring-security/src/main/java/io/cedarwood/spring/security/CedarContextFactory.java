package io.cedarwood.spring.security;

import io.cedarwood.enforcement.StandardContext;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the context record of a Cedar request: the core's {@link StandardContext} keys ({@code time};
 * during a web request also {@code clientIp}, {@code method}, {@code path}: the decoded path within the
 * application, and {@code secure}), then whatever the {@link CedarContextContributor}s add.
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
        return context(authentication, request, Map.of());
    }

    /** As {@link #context(Authentication, HttpServletRequest)}, then {@code entries} (an annotation's), which win. */
    public RecordValue context(Authentication authentication, HttpServletRequest request, Map<String, Value> entries) {
        Map<String, Value> context = request == null ? StandardContext.of(clock)
                : StandardContext.http(clock, request.getRemoteAddr(), request.getMethod(), CedarPaths.decoded(request),
                        request.isSecure());
        return contribute(context, authentication, request, entries);
    }

    /**
     * The context of a web request served without the servlet API (WebFlux): the standard keys from the
     * request's values, then the contributors' entries (they are given {@code null} as the request).
     *
     * @param remoteAddr the connection's remote address; {@code null} when unknown, which fails the decision
     * @param path the decoded path within the application
     * @throws IllegalArgumentException when {@code remoteAddr} is not an IP address
     */
    public RecordValue context(Authentication authentication, String remoteAddr, String method, String path,
            boolean secure) {
        return contribute(StandardContext.http(clock, remoteAddr, method, path, secure), authentication, null, Map.of());
    }

    private RecordValue contribute(Map<String, Value> context, Authentication authentication, HttpServletRequest request,
            Map<String, Value> entries) {
        for (CedarContextContributor c : contributors) {
            c.contribute(context, authentication, request);
        }
        context.putAll(entries);
        return RecordValue.of(context);
    }
}
