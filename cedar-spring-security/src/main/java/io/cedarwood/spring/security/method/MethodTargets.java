package io.cedarwood.spring.security.method;

import io.cedarwood.enforcement.CedarValues;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.enforcement.CedarNames;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.core.Authentication;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The action and resource of an annotated method call: finds the annotation (on the method, else on the
 * class), parses its expression once per method, evaluates it per call.
 */
final class MethodTargets<A extends Annotation> {
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private final Class<A> annotationType;
    private final Function<A, Members> members;
    private final CedarAuthorizationService service;
    private final CedarResourceResolver resources;
    private final BeanFactory beans;
    private final Map<MethodClassKey, Optional<Compiled>> cache = new ConcurrentHashMap<>();

    /** {@code members}: an annotation's action, resource type, resource expression and context entries. */
    MethodTargets(Class<A> annotationType, Function<A, Members> members, CedarAuthorizationService service,
            CedarResourceResolver resources, BeanFactory beans) {
        this.annotationType = annotationType;
        this.members = members;
        this.service = service;
        this.resources = resources;
        this.beans = beans;
    }

    /** The members of an annotation that say what Cedar is asked. */
    record Members(String action, String resourceType, String resource, String[] context) {
    }

    /** {@code context}: the annotation's context entries, to add to the standard ones. */
    record Target(EntityUid action, EntityUid resource, Map<String, Value> context) {
    }

    /**
     * The action and resource of this call.
     *
     * @throws IllegalStateException when the method has no annotation or the expression gives no resource
     */
    Target target(MethodInvocation mi, Authentication authentication, Object returnObject, boolean hasReturn) {
        Class<?> targetClass = mi.getThis() != null ? AopUtils.getTargetClass(mi.getThis()) : mi.getMethod().getDeclaringClass();
        Compiled c = cache.computeIfAbsent(new MethodClassKey(mi.getMethod(), targetClass),
                k -> Optional.ofNullable(compile(mi.getMethod(), targetClass)))
                .orElseThrow(() -> new IllegalStateException("no @" + annotationType.getSimpleName() + " on `"
                        + name(mi.getMethod()) + "`"));
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(new CedarExpressionRoot(authentication, mi.getThis()),
                AopUtils.getMostSpecificMethod(mi.getMethod(), targetClass), mi.getArguments(), NAMES);
        if (beans != null) {
            context.setBeanResolver(new BeanFactoryResolver(beans));
        }
        if (hasReturn) {
            context.setVariable("returnObject", returnObject);
        }
        Object value = c.resource.getValue(context);
        Map<String, Value> entries = new LinkedHashMap<>();
        for (ContextEntry e : c.context) {
            Object v = e.value.getValue(context);
            if (v != null) {
                entries.put(e.key, CedarValues.of(v));
            }
        }
        return new Target(c.action, resource(c, value), entries);
    }

    /** {@code Class.method}, for messages. */
    static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private EntityUid resource(Compiled c, Object value) {
        String expression = c.resource.getExpressionString();
        if (value == null) {
            throw new IllegalStateException("the resource expression `" + expression + "` gave null");
        }
        if (c.resourceType != null) {
            if (value instanceof EntityUid) {
                throw new IllegalStateException("the resource expression `" + expression
                        + "` gave an entity uid, but the annotation also gives a resource type");
            }
            return new EntityUid(c.resourceType, String.valueOf(value));
        }
        EntityUid uid = value instanceof EntityUid u ? u : resources.resolve(value);
        if (uid == null) {
            throw new IllegalStateException("the resource expression `" + expression
                    + "` gave no entity uid; give a resource type, or resolve such objects to uids");
        }
        return uid;
    }

    private Compiled compile(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        A a = AnnotatedElementUtils.findMergedAnnotation(specific, annotationType);
        if (a == null) {
            a = AnnotatedElementUtils.findMergedAnnotation(method, annotationType);
        }
        if (a == null) {
            a = AnnotatedElementUtils.findMergedAnnotation(targetClass, annotationType);
        }
        if (a == null) {
            a = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), annotationType);
        }
        if (a == null) {
            return null;
        }
        Members m = members.apply(a);
        EntityType type = m.resourceType().isEmpty() ? null : CedarNames.type(m.resourceType());
        return new Compiled(service.action(m.action()), type, PARSER.parseExpression(m.resource()),
                contextEntries(m.context(), specific));
    }

    /**
     * {@code "name"}, {@code "key=name"} (a parameter of the method) or {@code "key=#expression"}.
     *
     * @throws IllegalStateException when an entry has no key, or names no parameter of the method
     */
    static List<ContextEntry> contextEntries(String[] entries, Method method) {
        String[] names = NAMES.getParameterNames(method);
        return Arrays.stream(entries).map(entry -> {
            int eq = entry.indexOf('=');
            String key = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String value = (eq < 0 ? entry : entry.substring(eq + 1)).strip();
            if (key.isEmpty() || value.isEmpty()) {
                throw new IllegalStateException("the context entry `" + entry + "` of `" + name(method)
                        + "` is not `name`, `key=name` or `key=#expression`");
            }
            if (value.startsWith("#")) {
                return new ContextEntry(key, PARSER.parseExpression(value));
            }
            if (names == null || !Arrays.asList(names).contains(value)) {
                throw new IllegalStateException("the context entry `" + entry + "`: `" + name(method)
                        + "` has no parameter `" + value + "`" + (names == null ? " (compiled without -parameters)" : ""));
            }
            return new ContextEntry(key, PARSER.parseExpression("#" + value));
        }).toList();
    }

    record ContextEntry(String key, Expression value) {
    }

    private record Compiled(EntityUid action, EntityType resourceType, Expression resource, List<ContextEntry> context) {
    }
}
