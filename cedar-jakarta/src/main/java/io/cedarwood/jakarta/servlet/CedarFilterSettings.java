package io.cedarwood.jakarta.servlet;

import io.cedarwood.enforcement.PolicyReloader;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.Target;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.jakarta.CedarAuthorization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link CedarAuthorizationFilter} maps requests and answers denials. Immutable; built with
 * {@link #builder(CedarAuthorization, RouteTable)}, or from the filter's init parameters.
 */
public final class CedarFilterSettings {
    private final CedarAuthorization authorization;
    private final RouteTable routes;
    private final EntityUid unmatchedAction;
    private final String unmatchedResourceType;
    private final String challenge;
    private final String loginPage;
    private final List<CedarContextContributor> contributors;
    private final Clock clock;
    private final PolicyReloader reloader;

    private CedarFilterSettings(Builder b) {
        this.authorization = b.authorization;
        this.routes = b.routes;
        this.unmatchedAction = b.unmatchedAction;
        this.unmatchedResourceType = b.unmatchedResourceType;
        this.challenge = b.challenge;
        this.loginPage = b.loginPage;
        this.contributors = List.copyOf(b.contributors);
        this.clock = b.clock;
        this.reloader = b.reloader;
    }

    public static Builder builder(CedarAuthorization authorization, RouteTable routes) {
        return new Builder(authorization, routes);
    }

    public CedarAuthorization authorization() {
        return authorization;
    }

    public RouteTable routes() {
        return routes;
    }

    /** The target of a request no route matches: empty (deny, the default) or the generic action. */
    Optional<Target> unmatched(String path) {
        if (unmatchedAction == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(unmatchedAction, EntityUid.of(unmatchedResourceType, path), "unmatched"));
    }

    /** The {@code WWW-Authenticate} value sent with a 401, {@code null} for none. */
    public String challenge() {
        return challenge;
    }

    /** Where an unauthenticated caller is redirected instead of a 401, {@code null} for a 401. */
    public String loginPage() {
        return loginPage;
    }

    public List<CedarContextContributor> contributors() {
        return contributors;
    }

    public Clock clock() {
        return clock;
    }

    /** The reloader the filter starts and stops with itself, empty when the policies are not reloaded. */
    public Optional<PolicyReloader> reloader() {
        return Optional.ofNullable(reloader);
    }

    /** Builds {@link CedarFilterSettings}. */
    public static final class Builder {
        private final CedarAuthorization authorization;
        private final RouteTable routes;
        private EntityUid unmatchedAction;
        private String unmatchedResourceType = "Path";
        private String challenge;
        private String loginPage;
        private final List<CedarContextContributor> contributors = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private PolicyReloader reloader;

        private Builder(CedarAuthorization authorization, RouteTable routes) {
            this.authorization = Objects.requireNonNull(authorization, "authorization");
            this.routes = Objects.requireNonNull(routes, "routes");
        }

        /**
         * Asks Cedar about requests no route matches, as {@code action} on {@code <resourceType>::"<path>"},
         * instead of denying them (the default).
         */
        public Builder unmatched(EntityUid action, String resourceType) {
            this.unmatchedAction = Objects.requireNonNull(action, "action");
            io.cedarwood.enforcement.CedarNames.type(Objects.requireNonNull(resourceType, "resourceType"));
            this.unmatchedResourceType = resourceType;
            return this;
        }

        /** Denies requests no route matches (the default). */
        public Builder denyUnmatched() {
            this.unmatchedAction = null;
            return this;
        }

        /** A 401 for unauthenticated callers, with this {@code WWW-Authenticate} header ({@code null}: none). */
        public Builder challenge(String wwwAuthenticate) {
            this.challenge = wwwAuthenticate;
            this.loginPage = null;
            return this;
        }

        /** A redirect to {@code loginPage} (within the application when it begins with {@code /}) instead of a 401. */
        public Builder redirectTo(String loginPage) {
            this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
            return this;
        }

        public Builder contributor(CedarContextContributor contributor) {
            contributors.add(Objects.requireNonNull(contributor, "contributor"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A reloader of the authorization's policy store, started by the filter's {@code init} and stopped by its {@code destroy}. */
        public Builder reloader(PolicyReloader reloader) {
            this.reloader = Objects.requireNonNull(reloader, "reloader");
            return this;
        }

        public CedarFilterSettings build() {
            return new CedarFilterSettings(this);
        }
    }
}
