package io.cedarwood.spring.security.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table: each route maps an HTTP method and a path pattern (Spring MVC's syntax,
 * {@code /lists/{listId}/tasks/{taskId}}) to a Cedar action and a resource whose id is a template over the
 * pattern's variables. The first route that matches wins; a request that matches none is denied.
 *
 * <pre>{@code
 * CedarRoutes.builder()
 *     .route("GET", "/lists/{listId}", "GetList", "List", "{listId}")
 *     .route("POST", "/lists", "CreateList", "Application", "todo")
 *     .build();
 * }</pre>
 */
public final class CedarRoutes implements CedarRequestResolver {
    private final List<Route> routes;

    private CedarRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    @Override
    public CedarTarget resolve(RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (Route r : routes) {
            if (r.method != null && !r.method.equalsIgnoreCase(request.getMethod())) {
                continue;
            }
            PathPattern.PathMatchInfo match = r.pattern.matchAndExtract(path);
            if (match != null) {
                return r.target.resolve(match.getUriVariables());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CedarRoutes" + routes;
    }

    private record Route(String method, PathPattern pattern, TargetTemplate target) {
        @Override
        public String toString() {
            return (method == null ? "*" : method) + " " + pattern + " -> " + target;
        }
    }

    public static final class Builder {
        /** A path variable: {@code {name}}, {@code {*name}}, {@code {name:regex}}. */
        private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

        private final List<Route> routes = new ArrayList<>();
        private String actionType = "Action";

        private Builder() {
        }

        /** The type of actions given by id alone; {@code Action} by default. Applies to the routes added after. */
        public Builder actionType(String actionType) {
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
         */
        public Builder route(String method, String pathPattern, String action, String resourceType, String resourceId) {
            Objects.requireNonNull(method, "method");
            PathPattern pattern = PathPatternParser.defaultInstance.parse(Objects.requireNonNull(pathPattern, "pathPattern"));
            TargetTemplate target = new TargetTemplate(actionType, action, resourceType, resourceId);
            Set<String> declared = new HashSet<>();
            Matcher m = VARIABLE.matcher(pathPattern);
            while (m.find()) {
                declared.add(m.group(1));
            }
            for (String v : target.variables()) {
                if (!declared.contains(v)) {
                    throw new IllegalArgumentException("the resource id `" + resourceId + "` uses `{" + v
                            + "}`, which the path `" + pathPattern + "` does not have");
                }
            }
            routes.add(new Route(method.equals("*") ? null : method.toUpperCase(Locale.ROOT), pattern, target));
            return this;
        }

        public CedarRoutes build() {
            return new CedarRoutes(routes);
        }
    }
}
