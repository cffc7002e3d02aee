package io.cedarwood.spring.security.reactive;

import io.cedarwood.enforcement.RequestPaths;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a WebFlux request is decided on: its path within the application, percent-decoded, and its connection. */
final class ExchangePaths {
    private ExchangePaths() {
    }

    /** The decoded path within the application, empty when it is ambiguous ({@link RequestPaths#unambiguous}). */
    static Optional<String> unambiguous(ServerHttpRequest request) {
        String raw = request.getPath().pathWithinApplication().value();
        return RequestPaths.unambiguous(UriUtils.decode(raw, StandardCharsets.UTF_8), request.getURI().getRawPath());
    }

    /** The remote address as the server reports it, {@code null} when it does not. */
    static String remoteAddr(ServerHttpRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        if (address == null) {
            return null;
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    /** Whether the request came over HTTPS, as the server reports it (its URI's scheme). */
    static boolean secure(ServerHttpRequest request) {
        return "https".equalsIgnoreCase(request.getURI().getScheme());
    }
}
