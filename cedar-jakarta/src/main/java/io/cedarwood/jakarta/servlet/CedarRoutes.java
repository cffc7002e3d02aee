package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table: each route maps an HTTP method ({@code *} for any) and a path template within the
 * application ({@code /lists/{listId}}, {@code {*rest}} for the remaining segments) to a Cedar action and a
 * resource whose id may use the template's variables. The first route that matches wins. Paths compare
 * case-sensitively and segment by segment, as a servlet mapping does: {@code /LISTS/1} and {@code /lists/1/}
 * do not match {@code /lists/{listId}}. Immutable.
 *
 * <p>As a file, one route a line, {@code #} starts a comment:
 * <pre>
 * GET    /lists            Action::"GetLists"   Application::"TinyTodo"
 * GET    /lists/{listId}   Action::"GetList"    List::"{listId}"
 * </pre>
 */
public final class CedarRoutes {
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\*?)([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern UID = Pattern.compile("(.+)::\"([^\"\\\\]*)\"");

    private final List<Route> routes;

    private CedarRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the route file format; the message of the {@link IllegalArgumentException} names the line. */
    public static CedarRoutes parse(String text) {
        Builder b = builder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            List<String> tokens = tokens(line);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.size() != 4) {
                throw new IllegalArgumentException("route file line " + (i + 1)
                        + ": expected `METHOD PATH ACTION RESOURCE`, found `" + line.strip() + "`");
            }
            try {
                b.route(tokens.get(0), tokens.get(1), tokens.get(2), tokens.get(3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route file line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
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

    /** An entity uid written {@code Type::"id"} (no escapes in the id). */
    static EntityUid uid(String text) {
        Matcher m = UID.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not an entity uid like `Action::\"GetList\"`");
        }
        return EntityUid.of(m.group(1), m.group(2));
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    public int size() {
        return routes.size();
    }

    /**
     * The target of the first route matching {@code method} and {@code path} (a path within the application
     * beginning with {@code /}), empty when none does.
     */
    public Optional<CedarTarget> resolve(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        for (Route r : routes) {
            if (!r.method.equals("*") && !r.method.equals(method)) {
                continue;
            }
            Map<String, String> vars = r.match(segments);
            if (vars != null) {
                return Optional.of(new CedarTarget(r.action, EntityUid.of(r.resourceType, r.substitute(vars)), r.toString()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return routes.toString();
    }

    private static final class Route {
        final String method;
        final String template;
        final String[] segments;
        final EntityUid action;
        final String resourceType;
        final String resourceId;

        Route(String method, String template, EntityUid action, String resourceType, String resourceId) {
            this.method = method;
            this.template = template;
            this.segments = template.substring(1).split("/", -1);
            this.action = action;
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }

        Map<String, String> match(String[] path) {
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                Matcher m = VARIABLE.matcher(segments[i]);
                if (m.matches() && !m.group(1).isEmpty()) {
                    vars.put(m.group(2), String.join("/", java.util.Arrays.copyOfRange(path, Math.min(i, path.length), path.length)));
                    return path.length >= i ? vars : null;
                }
                if (i >= path.length) {
                    return null;
                }
                if (m.matches()) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    vars.put(m.group(2), path[i]);
                } else if (!segments[i].equals(path[i])) {
                    return null;
                }
            }
            return path.length == segments.length ? vars : null;
        }

        String substitute(Map<String, String> vars) {
            Matcher m = VARIABLE.matcher(resourceId);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(vars.get(m.group(2))));
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Builds a route table. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param method an HTTP method, or {@code "*"} for any
         * @param pathTemplate a path within the application: literal segments, {@code {name}} for one
         *        segment, a last {@code {*name}} for the remaining ones
         * @param action the action's uid, {@code Action::"GetList"}
         * @param resource the resource's uid, whose id may use the template's variables: {@code List::"{listId}"}
         * @throws IllegalArgumentException when a uid is malformed or uses a variable the template doesn't have
         */
        public Builder route(String method, String pathTemplate, String action, String resource) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            if (!pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("path template `" + pathTemplate + "` does not begin with `/`");
            }
            Matcher a = UID.matcher(Objects.requireNonNull(action, "action"));
            if (!a.matches() || VARIABLE.matcher(action).find()) {
                throw new IllegalArgumentException("action `" + action + "` is not an entity uid like `Action::\"GetList\"`");
            }
            Matcher r = UID.matcher(Objects.requireNonNull(resource, "resource"));
            if (!r.matches()) {
                throw new IllegalArgumentException("resource `" + resource + "` is not an entity uid like `List::\"{listId}\"`");
            }
            List<String> names = new ArrayList<>();
            String[] segments = pathTemplate.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                Matcher v = VARIABLE.matcher(segments[i]);
                if (v.matches()) {
                    if (!v.group(1).isEmpty() && i != segments.length - 1) {
                        throw new IllegalArgumentException("`" + segments[i] + "` must be the last segment of `" + pathTemplate + "`");
                    }
                    names.add(v.group(2));
                } else if (segments[i].contains("{") || segments[i].contains("}")) {
                    throw new IllegalArgumentException("segment `" + segments[i] + "` of `" + pathTemplate + "` mixes text and a variable");
                }
            }
            Matcher used = VARIABLE.matcher(r.group(2));
            while (used.find()) {
                if (!names.contains(used.group(2))) {
                    throw new IllegalArgumentException("resource `" + resource + "` uses `{" + used.group(2)
                            + "}`, which `" + pathTemplate + "` does not have");
                }
            }
            EntityUid actionUid = EntityUid.of(a.group(1), a.group(2));
            EntityUid.of(r.group(1), "x");
            routes.add(new Route(method.equals("*") ? "*" : method.toUpperCase(java.util.Locale.ROOT), pathTemplate,
                    actionUid, r.group(1), r.group(2)));
            return this;
        }

        public CedarRoutes build() {
            return new CedarRoutes(routes);
        }
    }
}
