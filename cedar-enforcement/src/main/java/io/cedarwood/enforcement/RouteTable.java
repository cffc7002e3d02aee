package io.cedarwood.enforcement;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A route table: each route maps an HTTP method ({@code *} for any) and a path pattern within the
 * application to a Cedar action and a resource whose id is a template over the pattern's variables. The
 * first route that matches wins; a request that matches none has no target (the integration denies it).
 * The pattern syntax is the {@link PathPatterns}' given to the builder. Immutable.
 *
 * <p>As a file ({@link #parse}), one route a line, {@code #} starts a comment:
 * <pre>
 * GET    /lists            Action::"GetLists"   Application::"TinyTodo"
 * GET    /lists/{listId}   Action::"GetList"    List::"{listId}"
 * </pre>
 */
public final class RouteTable {
    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder(PathPatterns patterns) {
        return new Builder(patterns);
    }

    /**
     * Reads the route file format.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static RouteTable parse(String text, PathPatterns patterns) {
        Builder b = builder(patterns);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> tokens = tokens(lines[i]);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.size() != 4) {
                throw new IllegalArgumentException("route file line " + (i + 1)
                        + ": expected `METHOD PATH ACTION RESOURCE`, found `" + lines[i].strip() + "`");
            }
            try {
                b.route(tokens.get(0), tokens.get(1), PolicyParser.parseEntityUid(tokens.get(2)), UidTemplate.parse(tokens.get(3)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("route file line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** Whitespace-separated tokens; whitespace and {@code #} inside double quotes (with {@code \} escapes) count as text. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                break;
            }
            if (!quoted && Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    public List<Route> routes() {
        return routes;
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /**
     * The target of the first route matching {@code method} and {@code path}, empty when none does.
     *
     * @param path the decoded path within the application ({@link RequestPaths#unambiguous})
     * @throws IllegalArgumentException when the route's resource id cannot be built from the match
     */
    public Optional<Target> resolve(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        for (Route r : routes) {
            if (r.method() != null && !r.method().equals(method)) {
                continue;
            }
            Map<String, String> values = r.pattern().match(path);
            if (values != null) {
                return Optional.of(new Target(r.action(), r.resource().resolve(values), r.toString()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return routes.toString();
    }

    /**
     * One route.
     *
     * @param method the HTTP method in upper case, {@code null} for any
     */
    public record Route(String method, PathPattern pattern, EntityUid action, UidTemplate resource) {
        @Override
        public String toString() {
            return (method == null ? "*" : method) + " " + pattern;
        }
    }

    /** Builds a {@link RouteTable}. */
    public static final class Builder {
        private final PathPatterns patterns;
        private final List<Route> routes = new ArrayList<>();

        private Builder(PathPatterns patterns) {
            this.patterns = Objects.requireNonNull(patterns, "patterns");
        }

        /**
         * Adds a route.
         *
         * @param method an HTTP method, or {@code "*"} for any
         * @param pattern a path pattern within the application
         * @throws IllegalArgumentException when the pattern is bad or the resource uses a variable the pattern lacks
         */
        public Builder route(String method, String pattern, EntityUid action, UidTemplate resource) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            PathPattern compiled = patterns.compile(Objects.requireNonNull(pattern, "pattern"));
            for (String v : resource.variables()) {
                if (!compiled.variables().contains(v)) {
                    throw new IllegalArgumentException("the resource `" + resource + "` uses `{" + v
                            + "}`, which the path `" + pattern + "` does not have");
                }
            }
            routes.add(new Route(method.equals("*") ? null : method.toUpperCase(Locale.ROOT), compiled, action, resource));
            return this;
        }

        public RouteTable build() {
            return new RouteTable(routes);
        }
    }
}
