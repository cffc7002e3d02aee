package io.cedarwood.spring.security.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.DenyAllPermissionEvaluator;
import org.springframework.security.core.Authentication;

import java.io.Serializable;

/** The application's permission evaluator, found on each use (denying all when there is none). */
final class LazyPermissionEvaluator implements PermissionEvaluator {
    private static final PermissionEvaluator DENY_ALL = new DenyAllPermissionEvaluator();

    private final ObjectProvider<PermissionEvaluator> evaluator;

    LazyPermissionEvaluator(ObjectProvider<PermissionEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    private PermissionEvaluator evaluator() {
        return evaluator.getIfAvailable(() -> DENY_ALL);
    }

    @Override
    public boolean hasPermission(Authentication authentication, Object targetDomainObject, Object permission) {
        return evaluator().hasPermission(authentication, targetDomainObject, permission);
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
            Object permission) {
        return evaluator().hasPermission(authentication, targetId, targetType, permission);
    }
}
