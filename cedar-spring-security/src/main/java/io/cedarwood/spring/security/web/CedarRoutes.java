package io.cedarwood.spring.security.web;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.Target;
import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.spring.security.CedarPaths;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table (the core's {@link RouteTable}) whose paths are Spring MVC patterns
 * ({@code /lists/{listId}/tasks/{taskId}}, {@code /files/{*path}}), matched against the decoded path
 * within the application. Each route maps an HTTP method and a pattern to a Cedar action and a resource
 * whose id is a template over the pattern's variables. The first route that matches wins; a request that
 * matches none, or whose path is ambiguous once decoded, is denied.
 *
 * <pre>{@code
 * CedarRoutes.builder()
 *     .route("GET", "/lists/{listId}", "GetList", "List", "{listId}")
 *     .route("POST", "/lists", "CreateList", "Application", "todo")
 *     .build();
 * }</pre>
 */
public final class CedarRoutes implements CedarRequestResolver {
    /** Spring MVC's pattern syntax, matched on decoded paths (the segments are not decoded a second time). */
    public static final PathPatterns SPRING_PATTERNS = SpringPattern::new;

    private final RouteTable table;

    private CedarRoutes(RouteTable table) {
        this.table = table;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Routes in the core's route file format ({@link RouteTable#parse}), one a line, with Spring MVC path
     * patterns: {@code GET /lists/{listId} Action::"GetList" List::"{listId}"}.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static CedarRoutes parse(String routeFile) {
        return new CedarRoutes(RouteTable.parse(routeFile, SPRING_PATTERNS));
    }

    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** The core's table. */
    public RouteTable table() {
        return table;
    }

    @Override
    public CedarTarget resolve(RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Optional<String> path = CedarPaths.unambiguous(request);
        if (path.isEmpty()) {
            return null;
        }
        return table.resolve(request.getMethod(), path.get())
                .map(t -> new CedarTarget(t.action(), t.resource()))
                .orElse(null);
    }

    /** The route the request matches, for messages; empty when none does. */
    Optional<Target> route(HttpServletRequest request) {
        return CedarPaths.unambiguous(request).flatMap(p -> table.resolve(request.getMethod(), p));
    }

    @Override
    public String toString() {
        return "CedarRoutes" + table;
    }

    private static final class SpringPattern implements io.cedarwood.enforcement.PathPattern {
        /** A path variable: {@code {name}}, {@code {*name}}, {@code {name:regex}}. */
        private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
        private static final PathContainer.Options DECODED = PathContainer.Options.create('/', false);

        private final PathPattern pattern;
        private final Set<String> variables = new HashSet<>();

        SpringPattern(String text) {
            try {
                this.pattern = PathPatternParser.defaultInstance.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad path pattern `" + text + "`: " + e.getMessage(), e);
            }
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                variables.add(m.group(1));
            }
        }

        @Override
        public Map<String, String> match(String path) {
            PathPattern.PathMatchInfo info = pattern.matchAndExtract(PathContainer.parsePath(path, DECODED));
            return info == null ? null : info.getUriVariables();
        }

        @Override
        public Set<String> variables() {
            return Set.copyOf(variables);
        }

        @Override
        public String toString() {
            return pattern.getPatternString();
        }
    }

    public static final class Builder {
        private final RouteTable.Builder table = RouteTable.builder(SPRING_PATTERNS);
        private String actionType = "Action";

        private Builder() {
        }

        /** The type of actions given by id alone; {@code Action} by default. Applies to the routes added after. */
        public Builder actionType(String actionType) {
            CedarNames.type(actionType);
            this.actionType = Objects.requireNonNull(actionType, "actionType");
            return this;
        }

        /**
         * Adds a route.
         *
         * @param method an HTTP method, or {@code "*"} for any
         * @param pathPattern a path within the application, in Spring MVC's pattern syntax
         * @param action an action id ({@code GetList}) or a full uid ({@code Ns::Action::"GetList"})
         * @param resourceType the resource's entity type
         * @param resourceId the resource's id: literal text and the pattern's variables, {@code "{listId}"}
         * @throws IllegalArgumentException when the id uses a variable the pattern doesn't have
         * @throws io.cedarwood.engine.parser.ParseException when the action or type is not well formed
         */
        public Builder route(String method, String pathPattern, String action, String resourceType, String resourceId) {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(resourceId, "resourceId");
            table.route(method, pathPattern, CedarNames.action(actionType, action), UidTemplate.of(resourceType, resourceId));
            return this;
        }

        public CedarRoutes build() {
            return new CedarRoutes(table.build());
        }
    }

    /** The routes, for startup checks. */
    public List<RouteTable.Route> routes() {
        return table.routes();
    }
}
