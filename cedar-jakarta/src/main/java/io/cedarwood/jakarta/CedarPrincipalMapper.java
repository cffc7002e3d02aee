package io.cedarwood.jakarta;

import io.cedarwood.enforcement.PrincipalMapper;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the container's caller into Cedar's principal, for the servlet filter and the CDI interceptor alike
 * (the core's {@link PrincipalMapper} contract: {@code null} means unauthenticated, and the entity is merged
 * with the application's entity of the same uid).
 */
@FunctionalInterface
public interface CedarPrincipalMapper extends PrincipalMapper<CedarPrincipalMapper.Caller> {

    /**
     * The container's caller.
     *
     * @param principal the caller, {@code null} when not authenticated
     * @param inRole whether the caller is in a role ({@code HttpServletRequest#isUserInRole},
     *        {@code SecurityContext#isCallerInRole})
     */
    record Caller(Principal principal, Predicate<String> inRole) {
        public Caller {
            Objects.requireNonNull(inRole, "inRole");
        }
    }

    /** The principal, or {@code null} when there is none (the request is then denied without asking Cedar). */
    Entity principal(Principal principal, Predicate<String> inRole);

    @Override
    default Entity principal(Caller caller) {
        return principal(caller.principal(), caller.inRole());
    }

    /** {@code User::"<name>"} without parents. */
    static CedarPrincipalMapper byName() {
        return byName("User", "Role", List.of());
    }

    /**
     * {@code <principalType>::"<name>"}, with {@code <roleType>::"<role>"} as a parent for each of
     * {@code roles} the caller is in (the servlet API can only test roles the application names).
     */
    static CedarPrincipalMapper byName(String principalType, String roleType, List<String> roles) {
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(roleType, "roleType");
        List<String> known = List.copyOf(roles);
        io.cedarwood.enforcement.CedarNames.type(principalType);
        if (!known.isEmpty()) {
            io.cedarwood.enforcement.CedarNames.type(roleType);
        }
        return (principal, inRole) -> {
            if (principal == null || principal.getName() == null) {
                return null;
            }
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (String role : known) {
                if (inRole.test(role)) {
                    parents.add(EntityUid.of(roleType, role));
                }
            }
            return new Entity(EntityUid.of(principalType, principal.getName()), Map.of(), parents);
        };
    }
}
