package io.cedarwood.spring.security.reactive;

import io.cedarwood.spring.security.web.CedarRoutes;
import io.cedarwood.spring.security.web.CedarTarget;

import org.springframework.security.web.server.authorization.AuthorizationContext;

import java.util.Objects;

/**
 * Maps a WebFlux request to the Cedar action and resource it asks for: the reactive counterpart of
 * {@link io.cedarwood.spring.security.web.CedarRequestResolver}. Called off the event loop, with the
 * entity lookups of the decision.
 */
@FunctionalInterface
public interface CedarExchangeResolver {

    /** The action and resource, or {@code null} when the request maps to none: it is then denied. */
    CedarTarget resolve(AuthorizationContext context);

    /** The route table of {@code routes}, matched on the request's decoded path within the application. */
    static CedarExchangeResolver of(CedarRoutes routes) {
        Objects.requireNonNull(routes, "routes");
        return context -> {
            var request = context.getExchange().getRequest();
            return ExchangePaths.unambiguous(request)
                    .flatMap(path -> routes.table().resolve(request.getMethod().name(), path))
                    .map(t -> new CedarTarget(t.action(), t.resource()))
                    .orElse(null);
        };
    }
}
