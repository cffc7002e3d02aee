package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarDecision;
import io.cedarwood.jakarta.CedarDecisionLog;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.CedarResources;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorizes every request it filters with Cedar, on the path the container dispatches (servlet path plus
 * path info), never the raw URI. Allowed requests go on down the chain; a request whose path the container
 * still reports with a path parameter, an encoded slash or backslash, a dot segment or an empty segment is
 * refused with 400; an unauthenticated denial is a 401 (or a redirect to a login page); an authenticated
 * denial is a 403 with no policy details. Anything that fails while mapping, loading entities or evaluating
 * denies (fail closed) and is logged with its cause. Thread-safe.
 *
 * <p>Registered in {@code web.xml} it reads its init parameters (all optional):
 * {@code cedar.policies} (comma-separated locations, default {@code classpath:META-INF/cedar/policies.cedar}),
 * {@code cedar.schema} (default {@code classpath:META-INF/cedar/schema.cedarschema} when present; the policies
 * must validate against it or the filter, and so the application, fails to start), {@code cedar.routes}
 * (default {@code classpath:META-INF/cedar/routes.txt}), {@code cedar.entities} (entities in Cedar JSON) or
 * {@code cedar.entity-provider} (a class implementing {@code EntityProvider}: the CDI bean when CDI has one,
 * else a new instance), {@code cedar.principal-type} ({@code User}), {@code cedar.role-type}
 * ({@code Role}) and {@code cedar.roles} (comma-separated roles that become parents), {@code cedar.unmatched}
 * ({@code deny}, or an action uid such as {@code Action::"Request"} asked on {@code Path::"<path>"}, the type
 * given by {@code cedar.unmatched-resource-type}),
 * {@code cedar.challenge} (a {@code WWW-Authenticate} value), {@code cedar.login-page} (redirect instead of
 * 401), {@code cedar.log-level} ({@code INFO}) and {@code cedar.log-allowed} ({@code false}). Registered
 * programmatically with {@link #CedarAuthorizationFilter(CedarFilterSettings)} it uses those settings.
 *
 * <p>The decision is left in the request attribute {@link #DECISION_ATTRIBUTE}.
 */
public class CedarAuthorizationFilter implements Filter {
    /** The request attribute holding the {@link CedarDecision} of the request. */
    public static final String DECISION_ATTRIBUTE = "io.cedarwood.jakarta.decision";
    /** The request attribute holding the {@link CedarTarget} the request was mapped to, when it was. */
    public static final String TARGET_ATTRIBUTE = "io.cedarwood.jakarta.target";

    private static final System.Logger LOG = System.getLogger(CedarAuthorizationFilter.class.getName());
    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    private volatile CedarFilterSettings settings;

    /** For {@code web.xml}: configured from the init parameters. */
    public CedarAuthorizationFilter() {
    }

    /** For programmatic registration ({@code ServletContext#addFilter}). */
    public CedarAuthorizationFilter(CedarFilterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The request this filter is processing on the current thread, for the CDI interceptor to find the caller;
     * empty outside a filtered request.
     */
    public static Optional<HttpServletRequest> currentRequest() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (settings != null) {
            return;
        }
        try {
            settings = fromInitParameters(config::getInitParameter);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "cedar: the authorization filter cannot start: " + e.getMessage(), e);
            throw new ServletException("cedar: the authorization filter cannot start: " + e.getMessage(), e);
        }
    }

    /** The settings the init parameters describe (see the class comment); {@code params} maps names to values. */
    public static CedarFilterSettings fromInitParameters(java.util.function.Function<String, String> params) {
        String policies = param(params, "cedar.policies", CedarResources.DEFAULT_POLICIES);
        String schemaLocation = params.apply("cedar.schema");
        CedarAuthorization.Builder auth = CedarAuthorization.builder().policies(CedarResources.policies(policies));
        if (schemaLocation != null && !schemaLocation.isBlank()) {
            auth.schema(CedarResources.schema(schemaLocation.strip()));
        } else if (CedarResources.read(CedarResources.DEFAULT_SCHEMA).isPresent()) {
            auth.schema(CedarResources.schema(CedarResources.DEFAULT_SCHEMA));
        }
        String entities = params.apply("cedar.entities");
        String provider = params.apply("cedar.entity-provider");
        if (provider != null && !provider.isBlank()) {
            auth.entities(entityProvider(provider.strip()));
        } else if (entities != null && !entities.isBlank()) {
            auth.entities(CedarResources.entities(entities.strip()));
        }
        String roles = param(params, "cedar.roles", "");
        auth.principalMapper(CedarPrincipalMapper.byName(param(params, "cedar.principal-type", "User"),
                param(params, "cedar.role-type", "Role"),
                Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        auth.decisionLog(CedarDecisionLog.of(level(param(params, "cedar.log-level", "INFO")),
                Boolean.parseBoolean(param(params, "cedar.log-allowed", "false"))));
        CedarRoutes routes = CedarRoutes.parse(CedarResources.require(param(params, "cedar.routes", CedarResources.DEFAULT_ROUTES)));
        CedarFilterSettings.Builder b = CedarFilterSettings.builder(auth.build(), routes);
        String unmatched = param(params, "cedar.unmatched", "deny");
        if (!unmatched.equals("deny")) {
            b.unmatched(CedarRoutes.uid(unmatched), param(params, "cedar.unmatched-resource-type", "Path"));
        }
        String challenge = params.apply("cedar.challenge");
        if (challenge != null && !challenge.isBlank()) {
            b.challenge(challenge.strip());
        }
        String login = params.apply("cedar.login-page");
        if (login != null && !login.isBlank()) {
            b.redirectTo(login.strip());
        }
        return b.build();
    }

    private static Level level(String name) {
        try {
            return Level.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`" + name + "` is not a log level (TRACE, DEBUG, INFO, WARNING, ERROR)", e);
        }
    }

    private static String param(java.util.function.Function<String, String> params, String name, String otherwise) {
        String value = params.apply(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static EntityProvider entityProvider(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class `" + className + "`", e);
        }
        if (!EntityProvider.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("`" + className + "` is not an entity provider");
        }
        Optional<Object> bean = CdiBeans.lookup(type);
        if (bean.isPresent()) {
            return (EntityProvider) bean.get();
        }
        try {
            return (EntityProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create `" + className + "`: " + e, e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("cedar: not an HTTP request");
        }
        CedarFilterSettings s = settings;
        if (s == null) {
            throw new ServletException("cedar: the authorization filter was not initialized");
        }
        CedarAuthorization auth = s.authorization();
        String path = dispatchedPath(request);
        CedarDecision decision;
        if (path == null) {
            decision = auth.deny(request.getUserPrincipal(), request::isUserInRole,
                    "ambiguous path `" + request.getRequestURI() + "`", null);
            request.setAttribute(DECISION_ATTRIBUTE, decision);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<CedarTarget> target;
        Map<String, Value> context;
        try {
            target = s.routes().resolve(request.getMethod(), path).or(() -> s.unmatched(path));
            context = context(request, path, s);
        } catch (RuntimeException e) {
            decision = auth.deny(request.getUserPrincipal(), request::isUserInRole, "cannot map the request: " + e, e);
            deny(request, response, decision, s);
            return;
        }
        if (target.isEmpty()) {
            decision = auth.deny(request.getUserPrincipal(), request::isUserInRole, "no route", null);
            deny(request, response, decision, s);
            return;
        }
        request.setAttribute(TARGET_ATTRIBUTE, target.get());
        decision = auth.decide(request.getUserPrincipal(), request::isUserInRole, target.get().action(),
                target.get().resource(), context);
        if (!decision.isAllowed()) {
            deny(request, response, decision, s);
            return;
        }
        request.setAttribute(DECISION_ATTRIBUTE, decision);
        HttpServletRequest previous = CURRENT.get();
        CURRENT.set(request);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    private static void deny(HttpServletRequest request, HttpServletResponse response, CedarDecision decision,
                             CedarFilterSettings s) throws IOException {
        request.setAttribute(DECISION_ATTRIBUTE, decision);
        if (response.isCommitted()) {
            return;
        }
        if (request.getUserPrincipal() != null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else if (s.loginPage() != null) {
            String login = s.loginPage();
            response.sendRedirect(login.startsWith("/") ? request.getContextPath() + login : login);
        } else {
            if (s.challenge() != null) {
                response.setHeader("WWW-Authenticate", s.challenge());
            }
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /**
     * The path within the application the container dispatches the request to: servlet path plus path info,
     * decoded and normalized by the container, {@code "/"} for the root. {@code null} when the container
     * still reports something ambiguous: a {@code ;} path parameter, a backslash, an empty or dot segment, a
     * control character, or an encoded slash, backslash or NUL in the raw URI.
     */
    static String dispatchedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/") || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0 || path.contains("//")) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        String raw = request.getRequestURI();
        if (raw != null) {
            String lower = raw.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%25")) {
                return null;
            }
        }
        return path;
    }

    private static Map<String, Value> context(HttpServletRequest request, String path, CedarFilterSettings s) {
        Map<String, Value> context = new LinkedHashMap<>();
        context.put("time", new DatetimeValue(s.clock().millis()));
        context.put("clientIp", clientIp(request.getRemoteAddr()));
        context.put("method", StringValue.of(request.getMethod()));
        context.put("path", StringValue.of(path));
        context.put("secure", BoolValue.of(request.isSecure()));
        for (CedarContextContributor c : s.contributors()) {
            c.contribute(context, request);
        }
        return context;
    }

    /** The remote address as an {@code ipaddr}: without an IPv6 zone, an IPv4-mapped address as IPv4. */
    static IpAddrValue clientIp(String remoteAddr) {
        String address = remoteAddr;
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.indexOf(':') >= 0 && address.indexOf('.') >= 0) {
            try {
                address = InetAddress.getByName(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: `" + remoteAddr + "`", e);
            }
        }
        return IpAddrValue.parse(address);
    }

    @Override
    public String toString() {
        CedarFilterSettings s = settings;
        return "CedarAuthorizationFilter[" + (s == null ? "not initialized" : s.authorization() + ", " + s.routes().size() + " routes") + "]";
    }
}
