package io.cedarwood.spring.security.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Cedar after the method ran, about what it returned; a denial throws
 * {@code AuthorizationDeniedException} instead of returning it. Like {@link CedarAuthorize}, with the
 * returned object as {@code #returnObject}:
 *
 * <pre>{@code
 * @CedarPostAuthorize(action = "GetList", resource = "#returnObject.uid")
 * public TodoList findList(String name) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface CedarPostAuthorize {

    /** As {@link CedarAuthorize#action()}. */
    String action();

    /** As {@link CedarAuthorize#resourceType()}. */
    String resourceType() default "";

    /** As {@link CedarAuthorize#resource()}, with {@code #returnObject} too. */
    String resource();

    /** As {@link CedarAuthorize#context()}, with {@code #returnObject} too. */
    String[] context() default {};
}
