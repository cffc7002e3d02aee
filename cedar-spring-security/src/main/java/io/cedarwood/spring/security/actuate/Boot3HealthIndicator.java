package io.cedarwood.spring.security.actuate;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.util.ClassUtils;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link CedarHealth} as Spring Boot 3's health indicator. Boot 4 moved health indicators to
 * {@code org.springframework.boot.health.contributor}; this jar is compiled against Boot 4, so it
 * implements Boot 3's {@code org.springframework.boot.actuate.health.HealthIndicator} through a proxy,
 * calling Boot 3's {@code Health} builder by name. A factory bean, so that Boot 3 finds the indicator by
 * its type before it is made; it reaches {@link CedarHealth} only when asked for the health, so that finding
 * its type creates nothing else.
 */
public final class Boot3HealthIndicator implements FactoryBean<Object>, BeanClassLoaderAware {
    /** Boot 3's health indicator interface. */
    public static final String INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    private final Supplier<CedarHealth> health;
    private ClassLoader classLoader = Boot3HealthIndicator.class.getClassLoader();

    public Boot3HealthIndicator(Supplier<CedarHealth> health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public Class<?> getObjectType() {
        return ClassUtils.resolveClassName(INDICATOR, classLoader);
    }

    @Override
    public Object getObject() throws ReflectiveOperationException {
        Class<?> indicator = getObjectType();
        Class<?> healthType = ClassUtils.forName(HEALTH, classLoader);
        Method up = healthType.getMethod("up");
        Method down = healthType.getMethod("down");
        Class<?> builder = up.getReturnType();
        Method withDetails = builder.getMethod("withDetails", Map.class);
        Method build = builder.getMethod("build");
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("health") && method.getParameterCount() == 0) {
                CedarHealth.Status s = health.get().status();
                return build.invoke(withDetails.invoke((s.up() ? up : down).invoke(null), s.details()));
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "CedarHealthIndicator (Spring Boot 3)";
                default -> throw new UnsupportedOperationException(method.getName());
            };
        };
        return Proxy.newProxyInstance(classLoader, new Class<?>[] {indicator}, handler);
    }
}
