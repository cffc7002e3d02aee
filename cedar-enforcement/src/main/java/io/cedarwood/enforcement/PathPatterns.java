package io.cedarwood.enforcement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles a route's path pattern: the pluggable part of a {@link RouteTable}. */
@FunctionalInterface
public interface PathPatterns {

    /**
     * @throws IllegalArgumentException saying what is wrong with {@code pattern}
     */
    PathPattern compile(String pattern);

    /**
     * Segment patterns, as a servlet mapping compares paths: literal segments, {@code {name}} for one
     * non-empty segment, a last {@code {*name}} for the remaining ones (possibly none). Case-sensitive:
     * {@code /LISTS/1} and {@code /lists/1/} do not match {@code /lists/{listId}}.
     */
    static PathPatterns segments() {
        return SegmentPattern::new;
    }

    /** See {@link #segments()}. */
    final class SegmentPattern implements PathPattern {
        private static final Pattern VARIABLE = Pattern.compile("\\{(\\*?)([A-Za-z_][A-Za-z0-9_]*)}");

        private final String pattern;
        private final String[] segments;
        private final Set<String> variables = new LinkedHashSet<>();

        private SegmentPattern(String pattern) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("the path `" + pattern + "` does not begin with `/`");
            }
            this.pattern = pattern;
            this.segments = pattern.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                Matcher v = VARIABLE.matcher(segments[i]);
                if (v.matches()) {
                    if (!v.group(1).isEmpty() && i != segments.length - 1) {
                        throw new IllegalArgumentException("`" + segments[i] + "` must be the last segment of `" + pattern + "`");
                    }
                    if (!variables.add(v.group(2))) {
                        throw new IllegalArgumentException("`{" + v.group(2) + "}` twice in `" + pattern + "`");
                    }
                } else if (segments[i].contains("{") || segments[i].contains("}")) {
                    throw new IllegalArgumentException("segment `" + segments[i] + "` of `" + pattern
                            + "` mixes text and a variable");
                }
            }
        }

        @Override
        public Map<String, String> match(String path) {
            if (!path.startsWith("/")) {
                return null;
            }
            String[] p = path.substring(1).split("/", -1);
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                Matcher m = VARIABLE.matcher(segments[i]);
                boolean variable = m.matches();
                if (variable && !m.group(1).isEmpty()) {
                    vars.put(m.group(2), String.join("/", Arrays.copyOfRange(p, Math.min(i, p.length), p.length)));
                    return p.length >= i ? vars : null;
                }
                if (i >= p.length) {
                    return null;
                }
                if (variable) {
                    if (p[i].isEmpty()) {
                        return null;
                    }
                    vars.put(m.group(2), p[i]);
                } else if (!segments[i].equals(p[i])) {
                    return null;
                }
            }
            return p.length == segments.length ? vars : null;
        }

        @Override
        public Set<String> variables() {
            return Set.copyOf(variables);
        }

        @Override
        public String toString() {
            return pattern;
        }
    }
}
