package io.cedarwood.spring.security.oauth2;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.CedarValues;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;
import io.cedarwood.spring.security.CedarPrincipalMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The principal of an OAuth2 resource server's token (a JWT, or an introspected opaque token): the
 * principal of another mapper (by default {@code User::"<name>"}, the name being the {@code sub} claim,
 * in a {@code Role} per granted authority) with attributes and parents taken from the token's claims.
 * Other authentications get the other mapper's principal unchanged.
 *
 * <ul>
 *   <li>{@code attributes}: attribute name to claim. Strings, booleans and integers are passed as such,
 *       lists as sets, JSON objects as records, anything else as its text; a missing claim leaves the
 *       attribute out ({@code principal has department}).</li>
 *   <li>{@code parents}: entity type to claim. Each value of the claim (a string, or a list of them) is a
 *       parent of that type: {@code Group=groups} with {@code "groups": ["eng"]} makes the principal
 *       {@code in Group::"eng"}.</li>
 * </ul>
 * A claim is found by its name, or else, for a name with dots, by its path in nested claims
 * ({@code realm_access.roles}).
 */
public final class CedarClaimsPrincipalMapper implements CedarPrincipalMapper {
    private final CedarPrincipalMapper base;
    private final Map<String, String> attributes;
    private final Map<EntityType, String> parents;

    /**
     * @param attributes attribute name to claim name
     * @param parents parent entity type ({@code Group}, {@code Ns::Group}) to claim name
     * @throws IllegalArgumentException when a type is not an entity type name
     */
    public CedarClaimsPrincipalMapper(CedarPrincipalMapper base, Map<String, String> attributes, Map<String, String> parents) {
        this.base = Objects.requireNonNull(base, "base");
        this.attributes = Map.copyOf(attributes);
        Map<EntityType, String> types = new LinkedHashMap<>();
        parents.forEach((type, claim) -> types.put(CedarNames.type(type), Objects.requireNonNull(claim, "claim")));
        this.parents = Map.copyOf(types);
    }

    @Override
    public Entity principal(Authentication authentication) {
        Entity principal = base.principal(authentication);
        if (principal == null || !(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
            return principal;
        }
        Map<String, Object> claims = token.getTokenAttributes();
        Map<String, Value> attrs = new LinkedHashMap<>(principal.attributes());
        attributes.forEach((name, claim) -> {
            Object value = claim(claims, claim);
            if (value != null) {
                attrs.put(name, CedarValues.of(value));
            }
        });
        Set<EntityUid> parentUids = new LinkedHashSet<>(principal.parents());
        parents.forEach((type, claim) -> {
            Object value = claim(claims, claim);
            Collection<?> ids = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            for (Object id : ids) {
                if (id != null) {
                    parentUids.add(new EntityUid(type, String.valueOf(id)));
                }
            }
        });
        return new Entity(principal.uid(), attrs, parentUids, principal.tags());
    }

    /** The claim of this name, or else at this dotted path; {@code null} when there is none. */
    static Object claim(Map<String, Object> claims, String name) {
        Object direct = claims.get(name);
        if (direct != null || name.indexOf('.') < 0) {
            return direct;
        }
        Object at = claims;
        for (String part : name.split("\\.", -1)) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }
}
