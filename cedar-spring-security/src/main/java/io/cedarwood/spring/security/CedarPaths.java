package io.cedarwood.spring.security;

import io.cedarwood.enforcement.RequestPaths;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The path a request is authorized on: within the application, percent-decoded (see the core's {@code StandardContext}). */
public final class CedarPaths {
    private CedarPaths() {
    }

    /** The decoded path within the application, as given (check it with {@link #unambiguous}). */
    public static String decoded(HttpServletRequest request) {
        String raw = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication().value();
        return UriUtils.decode(raw, StandardCharsets.UTF_8);
    }

    /** The decoded path within the application, empty when it is ambiguous ({@link RequestPaths#unambiguous}). */
    public static Optional<String> unambiguous(HttpServletRequest request) {
        return RequestPaths.unambiguous(decoded(request), request.getRequestURI());
    }
}
