package io.cedarwood.jakarta.it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;
import java.util.Set;

/** Jakarta Security's view of the caller, as a server would provide it; the test says who is calling. */
@ApplicationScoped
public class TestSecurityContext implements SecurityContext {
    private volatile String caller;
    private volatile Set<String> roles = Set.of();

    public void callAs(String name, String... roles) {
        this.caller = name;
        this.roles = Set.of(roles);
    }

    @Override
    public Principal getCallerPrincipal() {
        String name = caller;
        return name == null ? null : () -> name;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        return caller != null && roles.contains(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        return false;
    }

    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationParameters parameters) {
        throw new UnsupportedOperationException();
    }
}
