package io.cedarwood.jakarta.servlet;

import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.engine.value.EntityUid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link CedarAuthorizationFilter} maps requests and answers denials. Immutable; built with
 * {@link #builder(CedarAuthorization, CedarRoutes)}, or from the filter's init parameters.
 */
public final class CedarFilterSettings {
    private final CedarAuthorization authorization;
    private final CedarRoutes routes;
    private final EntityUid unmatchedAction;
    private final String unmatchedResourceType;
    private final String challenge;
    private final String loginPage;
    private final List<CedarContextContributor> contributors;
    private final Clock clock;

    private CedarFilterSettings(Builder b) {
        this.authorization = b.authorization;
        this.routes = b.routes;
        this.unmatchedAction = b.unmatchedAction;
        this.unmatchedResourceType = b.unmatchedResourceType;
        this.challenge = b.challenge;
        this.loginPage = b.loginPage;
        this.contributors = List.copyOf(b.contributors);
        this.clock = b.clock;
    }

    public static Builder builder(CedarAuthorization authorization, CedarRoutes routes) {
        return new Builder(authorization, routes);
    }

    public CedarAuthorization authorization() {
        return authorization;
    }

    public CedarRoutes routes() {
        return routes;
    }

    /** The target of a request no route matches: empty (deny, the default) or the generic action. */
    java.util.Optional<CedarTarget> unmatched(String path) {
        if (unmatchedAction == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CedarTarget(unmatchedAction, EntityUid.of(unmatchedResourceType, path), "unmatched"));
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

    /** Builds {@link CedarFilterSettings}. */
    public static final class Builder {
        private final CedarAuthorization authorization;
        private final CedarRoutes routes;
        private EntityUid unmatchedAction;
        private String unmatchedResourceType = "Path";
        private String challenge;
        private String loginPage;
        private final List<CedarContextContributor> contributors = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(CedarAuthorization authorization, CedarRoutes routes) {
            this.authorization = Objects.requireNonNull(authorization, "authorization");
            this.routes = Objects.requireNonNull(routes, "routes");
        }

        /**
         * Asks Cedar about requests no route matches, as {@code action} on {@code <resourceType>::"<path>"},
         * instead of denying them (the default).
         */
        public Builder unmatched(EntityUid action, String resourceType) {
            this.unmatchedAction = Objects.requireNonNull(action, "action");
            EntityUid.of(Objects.requireNonNull(resourceType, "resourceType"), "/");
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

        public CedarFilterSettings build() {
            return new CedarFilterSettings(this);
        }
    }
}
