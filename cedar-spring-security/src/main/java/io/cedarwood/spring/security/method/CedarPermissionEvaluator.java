package io.cedarwood.spring.security.method;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarAuthorizationService;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

import java.io.Serializable;
import java.util.Objects;

/**
 * {@code hasPermission} by Cedar, so that existing expressions route to it:
 * {@code @PreAuthorize("hasPermission(#id, 'List', 'GetList')")} asks whether the principal may do
 * {@code Action::"GetList"} to {@code List::"<id>"}; {@code hasPermission(#list, 'GetList')} asks about
 * the entity the {@link CedarResourceResolver} gives for {@code #list}. The permission is an action id or
 * a full action uid.
 *
 * <p>Spring's method security uses a permission evaluator only through a
 * {@code MethodSecurityExpressionHandler}; the auto-configuration registers one that uses this.
 */
public final class CedarPermissionEvaluator implements PermissionEvaluator {
    private final CedarAuthorizationService service;
    private final CedarResourceResolver resources;

    public CedarPermissionEvaluator(CedarAuthorizationService service, CedarResourceResolver resources) {
        this.service = Objects.requireNonNull(service, "service");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    public CedarPermissionEvaluator(CedarAuthorizationService service) {
        this(service, CedarResourceResolver.uidsOnly());
    }

    @Override
    public boolean hasPermission(Authentication authentication, Object targetDomainObject, Object permission) {
        EntityUid resource = targetDomainObject == null ? null
                : targetDomainObject instanceof EntityUid uid ? uid : resources.resolve(targetDomainObject);
        if (resource == null) {
            return service.fail(Source.PERMISSION, authentication, "no entity uid for the object given to `hasPermission`").isGranted();
        }
        return decide(authentication, resource, permission);
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
            Object permission) {
        if (targetId == null || targetType == null) {
            return service.fail(Source.PERMISSION, authentication, "`hasPermission` was given no id or no type").isGranted();
        }
        return decide(authentication, new EntityUid(EntityType.of(targetType), String.valueOf(targetId)), permission);
    }

    private boolean decide(Authentication authentication, EntityUid resource, Object permission) {
        if (permission == null) {
            return service.fail(Source.PERMISSION, authentication, "`hasPermission` was given no permission").isGranted();
        }
        EntityUid action;
        try {
            action = service.action(String.valueOf(permission));
        } catch (RuntimeException e) {
            return service.fail(Source.PERMISSION, authentication, "bad permission `" + permission + "`: " + e.getMessage()).isGranted();
        }
        return service.authorize(Source.PERMISSION, authentication, action, resource,
                CedarAuthorizationService.currentRequest()).isGranted();
    }
}
