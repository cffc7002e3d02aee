package io.cedarwood.jakarta.todo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;

/**
 * The test application's authentication, the same in every container: HTTP Basic where the password is the
 * user's name (TinyTodo's demo users); andrew and emina are in the role {@code admin}. A wrong password is a
 * 401 here; no credentials pass the request on unauthenticated.
 */
public class TestAuthFilter extends HttpFilter {
    private static final Set<String> USERS = Set.of("kesha", "aaron", "emina", "andrew");
    private static final Set<String> ADMINS = Set.of("emina", "andrew");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        if (credentials.length != 2 || !USERS.contains(credentials[0]) || !credentials[0].equals(credentials[1])) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String name = credentials[0];
        Principal principal = () -> name;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return role.equals("admin") && ADMINS.contains(name);
            }
        }, response);
    }
}
