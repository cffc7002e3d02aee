package io.cedarwood.enforcement;

import io.cedarwood.engine.entities.Entity;

/**
 * Turns a framework's caller (Spring Security's {@code Authentication}, a servlet {@code Principal} with its
 * roles) into Cedar's principal. The entity returned is what the framework knows about the caller; when
 * the application's entity provider also has an entity with that uid, the two are merged for the decision
 * (parents joined, the provider's attributes and tags winning).
 *
 * @param <C> the framework's caller
 */
@FunctionalInterface
public interface PrincipalMapper<C> {
    /**
     * The principal, or {@code null} when there is none: Cedar is then not asked and the request is denied
     * as unauthenticated (the integration answers 401 or sends to a login page).
     */
    Entity principal(C caller);
}
