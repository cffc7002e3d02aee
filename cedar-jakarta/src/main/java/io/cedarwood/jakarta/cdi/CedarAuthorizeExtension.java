package io.cedarwood.jakarta.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the methods {@link CedarAuthorize} applies to, on the method or on its class, while the container
 * discovers beans, so that {@link CedarBeans} can check them against the schema at startup.
 */
public class CedarAuthorizeExtension implements Extension {
    private final List<Method> methods = Collections.synchronizedList(new ArrayList<>());

    <T> void onBean(@Observes ProcessManagedBean<T> bean) {
        if (bean.getAnnotatedBeanClass().isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
            return; // the interceptor carries its binding
        }
        boolean onClass = bean.getAnnotatedBeanClass().isAnnotationPresent(CedarAuthorize.class);
        for (AnnotatedMethod<? super T> m : bean.getAnnotatedBeanClass().getMethods()) {
            Method javaMethod = m.getJavaMember();
            if (javaMethod.getDeclaringClass() == Object.class) {
                continue;
            }
            if (m.isAnnotationPresent(CedarAuthorize.class)
                    || onClass && java.lang.reflect.Modifier.isPublic(javaMethod.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(javaMethod.getModifiers())) {
                methods.add(javaMethod);
            }
        }
    }

    /** The annotated methods of the beans discovered. */
    List<Method> methods() {
        synchronized (methods) {
            return List.copyOf(methods);
        }
    }
}
