package io.cedarwood.enforcement;

import java.util.Map;
import java.util.Set;

/**
 * A compiled path pattern of a route. The route table knows no syntax: each integration compiles
 * patterns with its framework's matcher ({@link PathPatterns#segments()} when it has none).
 */
public interface PathPattern {

    /**
     * The pattern's variables and their values when {@code path} (a decoded path within the application,
     * beginning with {@code /}) matches, {@code null} when it does not.
     */
    Map<String, String> match(String path);

    /** The names of the pattern's variables. */
    Set<String> variables();
}
