package io.cedarwood.jakarta.cdi;

import io.cedarwood.jakarta.servlet.CedarAuthorizationFilter;

import java.security.Principal;
import java.util.function.Predicate;

/**
 * Finds the caller of an intercepted method: Jakarta Security's {@code SecurityContext} when it knows one,
 * else the request {@link CedarAuthorizationFilter} is processing on this thread, else the CDI bean of the
 * current {@code HttpServletRequest}. Each source is optional: its absence from the classpath is no error.
 */
final class Callers {
    record Caller(Principal principal, Predicate<String> inRole) {
        static final Caller NONE = new Caller(null, role -> false);
    }

    private Callers() {
    }

    static Caller current() {
        Caller c = fromSecurityContext();
        if (c.principal() == null) {
            c = fromFilter();
        }
        if (c.principal() == null) {
            c = fromRequestBean();
        }
        return c;
    }

    private static Caller fromSecurityContext() {
        try {
            return SecurityContextSource.caller();
        } catch (NoClassDefFoundError | RuntimeException e) {
            return Caller.NONE;
        }
    }

    private static Caller fromFilter() {
        try {
            return CedarAuthorizationFilter.currentRequest()
                    .map(r -> new Caller(r.getUserPrincipal(), r::isUserInRole)).orElse(Caller.NONE);
        } catch (NoClassDefFoundError e) {
            return Caller.NONE;
        }
    }

    private static Caller fromRequestBean() {
        try {
            return RequestSource.caller();
        } catch (NoClassDefFoundError | RuntimeException e) {
            return Caller.NONE;
        }
    }

    private static final class SecurityContextSource {
        static Caller caller() {
            var instance = jakarta.enterprise.inject.spi.CDI.current()
                    .select(jakarta.security.enterprise.SecurityContext.class);
            if (!instance.isResolvable()) {
                return Caller.NONE;
            }
            jakarta.security.enterprise.SecurityContext sc = instance.get();
            return new Caller(sc.getCallerPrincipal(), sc::isCallerInRole);
        }
    }

    private static final class RequestSource {
        static Caller caller() {
            var instance = jakarta.enterprise.inject.spi.CDI.current().select(jakarta.servlet.http.HttpServletRequest.class);
            if (!instance.isResolvable()) {
                return Caller.NONE;
            }
            jakarta.servlet.http.HttpServletRequest r = instance.get();
            return new Caller(r.getUserPrincipal(), r::isUserInRole);
        }
    }
}
