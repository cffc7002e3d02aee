package io.cedarwood.enforcement;

import java.util.Locale;
import java.util.Optional;

/** The path a request is authorized on, checked to mean one thing only. */
public final class RequestPaths {
    private RequestPaths() {
    }

    /**
     * {@code decodedPath} when it is unambiguous, empty when not: a {@code ;} path parameter, a backslash, an
     * empty, {@code .} or {@code ..} segment, a control character, or, in the raw URI, an encoded slash,
     * backslash, NUL or percent sign (which decode to something a second decoder would read differently).
     * An empty path is {@code "/"}.
     *
     * @param decodedPath the percent-decoded path within the application, as the container dispatches it
     * @param rawUri the request URI as sent, {@code null} when unknown
     */
    public static Optional<String> unambiguous(String decodedPath, String rawUri) {
        String path = decodedPath == null || decodedPath.isEmpty() ? "/" : decodedPath;
        if (!path.startsWith("/") || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0 || path.contains("//")) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        if (rawUri != null) {
            String lower = rawUri.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%25")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }
}
