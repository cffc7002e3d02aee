package io.cedarwood.spring.security.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Cedar before the method runs; a denial throws {@code AuthorizationDeniedException} carrying the
 * {@link io.cedarwood.spring.security.CedarAuthorizationDecision}. On a class, applies to every method
 * without an annotation of its own.
 *
 * <pre>{@code
 * @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
 * public TodoList getList(long listId) { ... }
 * }</pre>
 *
 * The principal is the current authentication's; the context is the standard one (with the web
 * request's entries when called while serving one).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface CedarAuthorize {

    /** An action id ({@code GetList}, of the configured action type) or a full uid ({@code Ns::Action::"GetList"}). */
    String action();

    /**
     * The resource's entity type. When given, {@link #resource} gives the resource's id (any value, turned
     * into text); when empty, it gives the resource itself: an entity uid, or an object the
     * {@link CedarResourceResolver} turns into one.
     */
    String resourceType() default "";

    /**
     * A SpEL expression over the method's arguments ({@code #listId}, {@code #list.id}, {@code #p0}); the
     * root object has {@code authentication} and {@code target}. A constant id is a SpEL string:
     * {@code "'todo'"}.
     */
    String resource();

    /**
     * Context entries from the method's arguments, as in cedar-jakarta's annotation: {@code "name"} (the
     * argument of the parameter {@code name}, under that key) or {@code "key=name"}; or
     * {@code "key=#expression"}, a SpEL expression as in {@link #resource}. Strings, booleans, integers, entity
     * uids and Cedar values are passed as such, anything else as its text; a {@code null} argument leaves
     * the key out. They are added after the standard keys and the contributors', so they win.
     */
    String[] context() default {};
}
