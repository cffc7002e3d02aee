package io.cedarwood.spring.security.method;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.ThrowingMethodAuthorizationDeniedHandler;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler of a denied call: the {@link HandleAuthorizationDenied} of the method (or else of its class),
 * as Spring Security finds it for {@code @PreAuthorize}: the one bean of the handler's class, or else a new
 * instance of it; without the annotation, the denial is thrown.
 */
final class DeniedHandlers {
    private static final MethodAuthorizationDeniedHandler THROWING = new ThrowingMethodAuthorizationDeniedHandler();

    private final BeanFactory beans;
    private final Map<MethodClassKey, MethodAuthorizationDeniedHandler> cache = new ConcurrentHashMap<>();

    DeniedHandlers(BeanFactory beans) {
        this.beans = beans;
    }

    MethodAuthorizationDeniedHandler handler(MethodInvocation mi) {
        Class<?> targetClass = mi.getThis() != null ? AopUtils.getTargetClass(mi.getThis())
                : mi.getMethod().getDeclaringClass();
        return cache.computeIfAbsent(new MethodClassKey(mi.getMethod(), targetClass),
                k -> resolve(mi.getMethod(), targetClass));
    }

    private MethodAuthorizationDeniedHandler resolve(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        HandleAuthorizationDenied a = AnnotatedElementUtils.findMergedAnnotation(specific, HandleAuthorizationDenied.class);
        if (a == null) {
            a = AnnotatedElementUtils.findMergedAnnotation(targetClass, HandleAuthorizationDenied.class);
        }
        if (a == null || a.handlerClass() == ThrowingMethodAuthorizationDeniedHandler.class) {
            return THROWING;
        }
        Class<? extends MethodAuthorizationDeniedHandler> type = a.handlerClass();
        if (beans instanceof ListableBeanFactory listable) {
            String[] names = listable.getBeanNamesForType(type);
            if (names.length > 1) {
                throw new IllegalStateException("`" + MethodTargets.name(method) + "`: " + names.length
                        + " beans of the denied handler's class `" + type.getName() + "`, expected one");
            }
            if (names.length == 1) {
                return beans.getBean(names[0], type);
            }
        }
        return beans instanceof AutowireCapableBeanFactory factory ? factory.createBean(type)
                : BeanUtils.instantiateClass(type);
    }
}
