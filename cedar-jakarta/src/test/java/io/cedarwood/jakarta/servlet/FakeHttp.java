package io.cedarwood.jakarta.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough of a servlet request and response for unit tests: the real containers are in {@code it}. */
final class FakeHttp {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    int status = 200;
    String redirect;

    HttpServletRequest request(String method, String servletPath, String pathInfo, String requestUri, String user) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> requestUri;
                    case "getContextPath" -> "/app";
                    case "getRemoteAddr" -> "10.1.2.3";
                    case "isSecure" -> true;
                    case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                    case "isUserInRole" -> "admin".equals(args[0]) && "andrew".equals(user);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request " + method + " " + requestUri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "sendError" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "sendRedirect" -> {
                        status = 302;
                        redirect = (String) args[0];
                        yield null;
                    }
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "isCommitted" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "response " + status;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
