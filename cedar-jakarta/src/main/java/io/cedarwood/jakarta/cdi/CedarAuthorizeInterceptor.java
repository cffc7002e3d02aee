package io.cedarwood.jakarta.cdi;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.CedarValues;
import io.cedarwood.enforcement.StandardContext;
import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Value;
import io.cedarwood.jakarta.CedarAccessDeniedException;
import io.cedarwood.jakarta.CedarAuthorization;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enforces {@link CedarAuthorize}: maps the call to a Cedar request, asks Cedar, and either proceeds or
 * throws {@link CedarAccessDeniedException}. A call that cannot be mapped (a parameter the expression names
 * does not exist, a {@code null} resource id) or whose evaluation fails is denied and logged (fail closed).
 */
@CedarAuthorize
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CedarAuthorizeInterceptor {
    @Inject
    CedarBeans beans;

    @AroundInvoke
    public Object authorize(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        CedarAuthorize annotation = annotation(method, invocation.getTarget());
        Callers.Caller caller = Callers.current();
        CedarAuthorization authorization;
        try {
            authorization = beans.authorization();
        } catch (RuntimeException e) {
            System.getLogger(CedarAuthorizeInterceptor.class.getName()).log(System.Logger.Level.WARNING,
                    "cedar: no authorization for `" + method + "`, denied: " + e.getMessage(), e);
            throw new CedarAccessDeniedException(EnforcementDecision.failed("method", null, null, null, e.toString()));
        }
        EnforcementDecision decision;
        try {
            if (annotation == null || annotation.action().isBlank()) {
                throw new IllegalStateException("no action for `" + method.getName() + "`");
            }
            EntityUid action = action(annotation.action());
            EntityUid resource = resource(annotation.resource(), method, invocation.getParameters());
            Map<String, Value> context = context(annotation.context(), method, invocation.getParameters(), beans.clock());
            decision = authorization.decide("method", caller.principal(), caller.inRole(), action, resource, context);
        } catch (RuntimeException e) {
            System.getLogger(CedarAuthorizeInterceptor.class.getName()).log(System.Logger.Level.WARNING,
                    "cedar: cannot map the call to `" + method.getName() + "`, denied", e);
            decision = authorization.deny("method", caller.principal(), caller.inRole(),
                    "cannot map `" + method.getName() + "`: " + e.getMessage());
        }
        if (!decision.isGranted()) {
            throw new CedarAccessDeniedException(decision);
        }
        return invocation.proceed();
    }

    /** The method's own annotation, else its class's (walking up from the bean's class). */
    static CedarAuthorize annotation(Method method, Object target) {
        CedarAuthorize a = method.getAnnotation(CedarAuthorize.class);
        if (a != null) {
            return a;
        }
        for (Class<?> c = target == null ? method.getDeclaringClass() : target.getClass(); c != null; c = c.getSuperclass()) {
            a = c.getAnnotation(CedarAuthorize.class);
            if (a != null) {
                return a;
            }
        }
        return method.getDeclaringClass().getAnnotation(CedarAuthorize.class);
    }

    static EntityUid action(String text) {
        return CedarNames.action("Action", text);
    }

    static EntityUid resource(String expression, Method method, Object[] args) {
        if (expression.isBlank()) {
            Parameter[] params = method.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (params[i].isAnnotationPresent(CedarResource.class)) {
                    if (args[i] instanceof EntityUid uid) {
                        return uid;
                    }
                    throw new IllegalArgumentException("the @CedarResource parameter is not an entity uid and no resource expression is given");
                }
            }
            throw new IllegalArgumentException("no resource: give `resource` or a @CedarResource parameter");
        }
        UidTemplate template = UidTemplate.parse(expression);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.variables()) {
            Object value = argument(name, method, args);
            if (value == null) {
                throw new IllegalArgumentException("parameter `" + name + "` is null");
            }
            values.put(name, value instanceof EntityUid uid ? uid.id() : String.valueOf(value));
        }
        return template.resolve(values);
    }

    /** The standard {@code time}, then the annotation's entries. */
    static Map<String, Value> context(String[] entries, Method method, Object[] args, Clock clock) {
        Map<String, Value> context = StandardContext.of(clock);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String key = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String name = (eq < 0 ? entry : entry.substring(eq + 1)).strip();
            Object value = argument(name, method, args);
            if (value != null) {
                context.put(key, CedarValues.of(value));
            }
        }
        return context;
    }

    /** The argument of the parameter named {@code name}: by {@link CedarResource} name, else by parameter name. */
    private static Object argument(String name, Method method, Object[] args) {
        Parameter[] params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            CedarResource r = params[i].getAnnotation(CedarResource.class);
            if (r != null && (r.value().equals(name) || r.value().isEmpty() && params[i].isNamePresent()
                    && params[i].getName().equals(name))) {
                return args[i];
            }
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i].isNamePresent() && params[i].getName().equals(name)) {
                return args[i];
            }
        }
        throw new IllegalArgumentException("`" + method.getName() + "` has no parameter `" + name + "`"
                + (params.length > 0 && !params[0].isNamePresent() ? " (compiled without -parameters: name it with @CedarResource)" : ""));
    }
}
