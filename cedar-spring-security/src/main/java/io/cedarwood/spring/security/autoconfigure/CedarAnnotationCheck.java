package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.SchemaCheck;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.spring.security.method.CedarAuthorize;
import io.cedarwood.spring.security.method.CedarPostAuthorize;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Once the beans are created, checks every {@code @CedarAuthorize} and {@code @CedarPostAuthorize} of the
 * application's beans against the schema (when there is one): the action declared, the resource type
 * declared, the action applying to it and to the configured principal type. A problem stops the start with
 * a message naming the method and the nearest valid name.
 */
class CedarAnnotationCheck implements SmartInitializingSingleton {
    private final ConfigurableListableBeanFactory beans;
    private final ObjectProvider<PolicyStore> policies;
    private final ObjectProvider<CedarProperties> settings;
    private CedarProperties properties;

    CedarAnnotationCheck(ConfigurableListableBeanFactory beans, ObjectProvider<PolicyStore> policies,
            ObjectProvider<CedarProperties> properties) {
        this.beans = beans;
        this.policies = policies;
        this.settings = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        PolicyStore store = policies.getIfUnique();
        properties = settings.getIfUnique();
        Schema schema = store == null || properties == null ? null : store.current().schema().orElse(null);
        if (schema == null) {
            return;
        }
        EntityType principalType = CedarNames.type(properties.getPrincipal().getType());
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || !seen.add(ClassUtils.getUserClass(type))) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            for (Method m : ReflectionUtils.getUniqueDeclaredMethods(user, ReflectionUtils.USER_DECLARED_METHODS)) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String where = "`" + user.getSimpleName() + "." + m.getName() + "`";
                CedarAuthorize pre = find(m, user, CedarAuthorize.class);
                if (pre != null) {
                    check(schema, "@CedarAuthorize on " + where, pre.action(), pre.resourceType(), principalType, problems);
                }
                CedarPostAuthorize post = find(m, user, CedarPostAuthorize.class);
                if (post != null) {
                    check(schema, "@CedarPostAuthorize on " + where, post.action(), post.resourceType(), principalType, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CedarConfigurationException(String.join("\n", problems));
        }
    }

    private static <A extends java.lang.annotation.Annotation> A find(Method m, Class<?> user, Class<A> type) {
        A a = AnnotatedElementUtils.findMergedAnnotation(m, type);
        return a != null ? a : AnnotatedElementUtils.findMergedAnnotation(user, type);
    }

    private void check(Schema schema, String where, String action, String resourceType, EntityType principalType,
            List<String> problems) {
        try {
            problems.addAll(SchemaCheck.check(schema, where, CedarNames.action(properties.getActionType(), action),
                    resourceType.isEmpty() ? null : CedarNames.type(resourceType), principalType));
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }
}
