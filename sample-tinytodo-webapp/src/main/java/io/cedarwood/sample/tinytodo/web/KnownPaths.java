package io.cedarwood.sample.tinytodo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers 404 for an address the application does not have and 405 for a method it does not take there,
 * before security: such requests never reach Cedar, so they are neither denied as "Cedar was not asked"
 * nor shown in the "Why?" panel (a browser's {@code GET /favicon.ico} included). What it lets through is
 * every request some controller handles, plus the login form, logout and the static files, all of which
 * security then decides as before: this filter answers, it never grants.
 */
@Configuration(proxyBeanMethods = false)
class KnownPaths {
    /** Spring Boot registers Spring Security's filters at -100 ({@code SecurityProperties.DEFAULT_FILTER_ORDER}). */
    private static final int BEFORE_SECURITY = -101;

    @Bean
    FilterRegistrationBean<Filter> knownPathsFilter(
            @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers, JsonMapper json) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(controllers, json));
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final HandlerMapping controllers;
        private final JsonMapper json;

        Filter(HandlerMapping controllers, JsonMapper json) {
            this.controllers = controllers;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (servedBySecurityOrAsAFile(path)) {
                chain.doFilter(request, response);
                return;
            }
            RequestPath previous = (RequestPath) request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            boolean known;
            try {
                ServletRequestPathUtils.parseAndCache(request);
                known = controllers.getHandler(request) != null;
            } catch (HttpRequestMethodNotSupportedException e) {
                String allowed = e.getSupportedHttpMethods() == null ? ""
                        : e.getSupportedHttpMethods().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
                response.setHeader("Allow", allowed);
                answer(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed",
                        "`" + path + "` takes " + allowed + ", not " + request.getMethod());
                return;
            } catch (Exception e) {
                known = true; // some other mismatch (a media type): the application answers it
            } finally {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
            if (known) {
                chain.doFilter(request, response);
            } else {
                answer(request, response, HttpServletResponse.SC_NOT_FOUND, "not found",
                        "there is nothing at `" + path + "`");
            }
        }

        private static boolean servedBySecurityOrAsAFile(String path) {
            return path.equals("/login") || path.equals("/logout") || path.equals("/favicon.svg")
                    || path.startsWith("/css/");
        }

        /** The API's {@code {"error", "message"}} body; for the pages, the error page. */
        private void answer(HttpServletRequest request, HttpServletResponse response, int status, String error,
                String message) throws IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                response.sendError(status);
                return;
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("message", message);
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(body));
        }
    }
}
