package io.cedarwood.spring.security.method;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
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
    private final Function<A, String[]> members;
    private final CedarAuthorizationService service;
    private final CedarResourceResolver resources;
    private final BeanFactory beans;
    private final Map<MethodClassKey, Optional<Compiled>> cache = new ConcurrentHashMap<>();

    /** {@code members}: an annotation's action, resource type and resource expression. */
    MethodTargets(Class<A> annotationType, Function<A, String[]> members, CedarAuthorizationService service,
            CedarResourceResolver resources, BeanFactory beans) {
        this.annotationType = annotationType;
        this.members = members;
        this.service = service;
        this.resources = resources;
        this.beans = beans;
    }

    record Target(EntityUid action, EntityUid resource) {
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
        return new Target(c.action, resource(c, value));
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
        String[] m = members.apply(a);
        EntityType type = m[1].isEmpty() ? null : CedarNames.type(m[1]);
        return new Compiled(service.action(m[0]), type, PARSER.parseExpression(m[2]));
    }

    private record Compiled(EntityUid action, EntityType resourceType, Expression resource) {
    }
}
