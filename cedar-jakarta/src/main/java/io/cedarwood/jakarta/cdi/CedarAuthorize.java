package io.cedarwood.jakarta.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Cedar before a CDI bean's method runs; a denial throws
 * {@link io.cedarwood.jakarta.CedarAccessDeniedException} and the method body never runs. On a class, it
 * applies to every business method; a method's own annotation wins over its class's.
 *
 * <pre>{@code
 * @CedarAuthorize(action = "GetList", resource = "List::\"{listId}\"")
 * public TodoList list(String listId) { ... }
 * }</pre>
 *
 * The principal is the caller from Jakarta Security's {@code SecurityContext}, or else of the current
 * request, through the application's {@link io.cedarwood.jakarta.CedarPrincipalMapper}.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CedarAuthorize {

    /** The action: a uid ({@code Action::"GetList"}) or an id of type {@code Action} ({@code GetList}). */
    @Nonbinding
    String action() default "";

    /**
     * The resource: a uid whose id may name the method's parameters, {@code List::"{listId}"}; a parameter
     * is found by its {@link CedarResource} name, or else by its name (compile with {@code -parameters}).
     * Empty: the parameter annotated {@link CedarResource}, which must then be an {@code EntityUid}.
     */
    @Nonbinding
    String resource() default "";

    /**
     * Context entries from parameters: {@code "name"} (the parameter {@code name}) or {@code "key=name"}.
     * Strings, numbers, booleans, entity uids and Cedar values are passed as such, anything else as its text.
     */
    @Nonbinding
    String[] context() default {};
}
