package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyReloader;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.RequestPaths;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.SchemaCheck;
import io.cedarwood.enforcement.StandardContext;
import io.cedarwood.enforcement.Target;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarConfigurationException;
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
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authorizes every request it filters with Cedar, on the path the container dispatches (servlet path plus
 * path info, decoded), never the raw URI. Allowed requests go on down the chain; a request whose path is
 * ambiguous ({@link RequestPaths#unambiguous}) is refused with 400; an unauthenticated denial is a 401 (or a
 * redirect to a login page); an authenticated denial is a 403 with no policy details. Anything that fails
 * while mapping, loading entities or evaluating denies (fail closed). Deciding is the core's
 * ({@code io.cedarwood.enforcement}); this class only adapts. Thread-safe.
 *
 * <p>Registered in {@code web.xml} it reads its init parameters (all optional):
 * {@code cedar.policies} (comma-separated locations, default {@code classpath:META-INF/cedar/policies.cedar}),
 * {@code cedar.schema} (default {@code classpath:META-INF/cedar/schema.cedarschema} when present; the policies
 * must validate against it, and the routes must name its actions and types, or the filter, and so the
 * application, fails to start), {@code cedar.routes} (default {@code classpath:META-INF/cedar/routes.txt}),
 * {@code cedar.entities} (entities in Cedar JSON) or {@code cedar.entity-provider} (a class implementing
 * {@code EntityProvider}: the CDI bean when CDI has one; else a new instance, unless the class has
 * {@code @Inject} members, which is a startup error), {@code cedar.principal-type} ({@code User}),
 * {@code cedar.role-type} ({@code Role}) and {@code cedar.roles} (comma-separated roles that become parents),
 * {@code cedar.unmatched} ({@code deny}, or an action uid such as {@code Action::"Request"} asked on
 * {@code Path::"<path>"}, the type given by {@code cedar.unmatched-resource-type}), {@code cedar.challenge} (a
 * {@code WWW-Authenticate} value), {@code cedar.login-page} (redirect instead of 401),
 * {@code cedar.enforcement} ({@code enforcing}, or {@code permissive}: denials only logged),
 * {@code cedar.decision-logging} ({@code denied}, {@code all} or {@code none}, to the
 * {@code io.cedarwood.jakarta.decisions} logger), {@code cedar.listeners} (comma-separated classes
 * implementing {@code DecisionListener}, for metrics: CDI beans when CDI has them, else new instances),
 * {@code cedar.reload-interval} (an ISO-8601 duration such as {@code PT2S}: policy and schema files on the file
 * system are reloaded when they change; absent, never) and {@code cedar.reload-allow-dropping-all}
 * ({@code false}: a reload that removes every policy or every forbid is refused). Registered
 * programmatically with {@link #CedarAuthorizationFilter(CedarFilterSettings)} it uses those settings.
 *
 * <p>The decision is left in the request attribute {@link #DECISION_ATTRIBUTE}.
 */
public class CedarAuthorizationFilter implements Filter {
    /** The request attribute holding the {@link EnforcementDecision} of the request. */
    public static final String DECISION_ATTRIBUTE = "io.cedarwood.jakarta.decision";
    /** The request attribute holding the {@link Target} the request was mapped to, when it was. */
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
        if (settings == null) {
            try {
                settings = fromInitParameters(config::getInitParameter);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "cedar: the authorization filter cannot start: " + e.getMessage(), e);
                throw new ServletException("cedar: the authorization filter cannot start: " + e.getMessage(), e);
            }
        }
        settings.reloader().ifPresent(PolicyReloader::start);
    }

    @Override
    public void destroy() {
        CedarFilterSettings s = settings;
        if (s != null) {
            s.reloader().ifPresent(PolicyReloader::stop);
        }
    }

    /** The settings the init parameters describe (see the class comment); {@code params} maps names to values. */
    public static CedarFilterSettings fromInitParameters(Function<String, String> params) {
        String policies = param(params, "cedar.policies", CedarResources.DEFAULT_POLICIES);
        String schemaLocation = params.apply("cedar.schema");
        if (schemaLocation == null || schemaLocation.isBlank()) {
            schemaLocation = CedarResources.read(CedarResources.DEFAULT_SCHEMA).isPresent() ? CedarResources.DEFAULT_SCHEMA : null;
        } else {
            schemaLocation = schemaLocation.strip();
        }
        PolicyLoader loader = PolicyLoader.of(CedarResources.locations(policies, schemaLocation));
        boolean allowDroppingAll = Boolean.parseBoolean(param(params, "cedar.reload-allow-dropping-all", "false"));
        PolicyStore store = PolicyStore.load(loader, allowDroppingAll, java.time.Clock.systemUTC());
        CedarAuthorization.Builder auth = CedarAuthorization.builder().store(store);
        String entities = params.apply("cedar.entities");
        String provider = params.apply("cedar.entity-provider");
        if (provider != null && !provider.isBlank()) {
            auth.entities(instance(provider.strip(), EntityProvider.class, "cedar.entity-provider"));
        } else if (entities != null && !entities.isBlank()) {
            auth.entities(CedarResources.entities(entities.strip()));
        }
        String principalType = param(params, "cedar.principal-type", "User");
        String roles = param(params, "cedar.roles", "");
        auth.principalMapper(CedarPrincipalMapper.byName(principalType, param(params, "cedar.role-type", "Role"),
                Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        auth.mode(option(EnforcementMode.class, "cedar.enforcement", param(params, "cedar.enforcement", "enforcing")));
        auth.decisionLog(option(DecisionLog.What.class, "cedar.decision-logging", param(params, "cedar.decision-logging", "denied")));
        for (String listener : param(params, "cedar.listeners", "").split(",")) {
            if (!listener.isBlank()) {
                auth.listener(instance(listener.strip(), DecisionListener.class, "cedar.listeners"));
            }
        }
        RouteTable routes = RouteTable.parse(CedarResources.require(param(params, "cedar.routes", CedarResources.DEFAULT_ROUTES)),
                PathPatterns.segments());
        store.current().schema().ifPresent(schema -> checkRoutes(routes, schema, CedarNames.type(principalType)));
        CedarFilterSettings.Builder b = CedarFilterSettings.builder(auth.build(), routes);
        String unmatched = param(params, "cedar.unmatched", "deny");
        if (!unmatched.equals("deny")) {
            b.unmatched(PolicyParser.parseEntityUid(unmatched), param(params, "cedar.unmatched-resource-type", "Path"));
        }
        String challenge = params.apply("cedar.challenge");
        if (challenge != null && !challenge.isBlank()) {
            b.challenge(challenge.strip());
        }
        String login = params.apply("cedar.login-page");
        if (login != null && !login.isBlank()) {
            b.redirectTo(login.strip());
        }
        String interval = params.apply("cedar.reload-interval");
        if (interval != null && !interval.isBlank()) {
            Duration d;
            try {
                d = Duration.parse(interval.strip());
            } catch (DateTimeParseException e) {
                throw new CedarConfigurationException("cedar.reload-interval `" + interval.strip()
                        + "` is not an ISO-8601 duration such as `PT2S`", e);
            }
            b.reloader(new PolicyReloader(store, loader, d));
        }
        return b.build();
    }

    /**
     * Checks each route against the schema: its action declared and applying to the principal type and the
     * resource type.
     *
     * @throws CedarConfigurationException naming the routes and the nearest valid names
     */
    public static void checkRoutes(RouteTable routes, Schema schema, EntityType principalType) {
        List<String> problems = new ArrayList<>();
        for (RouteTable.Route r : routes.routes()) {
            problems.addAll(SchemaCheck.check(schema, "route `" + r + "`", r.action(), r.resource().type(), principalType));
        }
        if (!problems.isEmpty()) {
            throw new CedarConfigurationException(String.join("\n", problems));
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CedarConfigurationException(name + " `" + value + "` is none of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }

    private static String param(Function<String, String> params, String name, String otherwise) {
        String value = params.apply(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /**
     * The CDI bean of the class when CDI has one; else a new instance, unless the class expects injection
     * (it has {@code @Inject} members), which would leave its fields null.
     */
    static <T> T instance(String className, Class<T> kind, String parameter) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CedarConfigurationException(parameter + ": no class `" + className + "`", e);
        }
        if (!kind.isAssignableFrom(type)) {
            throw new CedarConfigurationException(parameter + ": `" + className + "` is not a " + kind.getSimpleName());
        }
        Optional<Object> bean = CdiBeans.lookup(type);
        if (bean.isPresent()) {
            return kind.cast(bean.get());
        }
        if (expectsInjection(type)) {
            throw new CedarConfigurationException(parameter + ": `" + className + "` has @Inject members but CDI has "
                    + "no bean of it (is CDI enabled in the application, with a WEB-INF/beans.xml or a bean-defining "
                    + "annotation on the class?); a new instance would have them unset");
        }
        try {
            return kind.cast(type.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new CedarConfigurationException(parameter + ": cannot create `" + className + "`: " + e, e);
        }
    }

    private static boolean expectsInjection(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<AccessibleObject> members = new ArrayList<>();
            members.addAll(Arrays.asList(c.getDeclaredFields()));
            members.addAll(Arrays.asList(c.getDeclaredMethods()));
            members.addAll(Arrays.asList(c.getDeclaredConstructors()));
            for (AccessibleObject m : members) {
                for (Annotation a : m.getDeclaredAnnotations()) {
                    String name = a.annotationType().getName();
                    if (name.equals("jakarta.inject.Inject") || name.equals("javax.inject.Inject")) {
                        return true;
                    }
                }
            }
        }
        return false;
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
        Optional<String> checked = RequestPaths.unambiguous(dispatchedPath(request), request.getRequestURI());
        EnforcementDecision decision;
        if (checked.isEmpty()) {
            decision = auth.deny("http", request.getUserPrincipal(), request::isUserInRole,
                    "ambiguous path `" + request.getRequestURI() + "`");
            request.setAttribute(DECISION_ATTRIBUTE, decision);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String path = checked.get();
        Optional<Target> target;
        Map<String, Value> context;
        try {
            target = s.routes().resolve(request.getMethod(), path).or(() -> s.unmatched(path));
            context = context(request, path, s);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cedar: cannot map `" + request.getMethod() + " " + path + "`", e);
            decision = auth.deny("http", request.getUserPrincipal(), request::isUserInRole,
                    "cannot map `" + request.getMethod() + " " + path + "`: " + e);
            deny(request, response, decision, s);
            return;
        }
        if (target.isEmpty()) {
            decision = auth.deny("http", request.getUserPrincipal(), request::isUserInRole,
                    "no route for `" + request.getMethod() + " " + path + "`");
            deny(request, response, decision, s);
            return;
        }
        request.setAttribute(TARGET_ATTRIBUTE, target.get());
        decision = auth.decide("http", request.getUserPrincipal(), request::isUserInRole, target.get().action(),
                target.get().resource(), context);
        if (!decision.isGranted()) {
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

    private static void deny(HttpServletRequest request, HttpServletResponse response, EnforcementDecision decision,
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

    /** The path within the application the container dispatches the request to: servlet path plus path info, decoded. */
    static String dispatchedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    private static Map<String, Value> context(HttpServletRequest request, String path, CedarFilterSettings s) {
        Map<String, Value> context = StandardContext.http(s.clock(), request.getRemoteAddr(), request.getMethod(), path,
                request.isSecure());
        for (CedarContextContributor c : s.contributors()) {
            c.contribute(context, request);
        }
        return context;
    }
}
