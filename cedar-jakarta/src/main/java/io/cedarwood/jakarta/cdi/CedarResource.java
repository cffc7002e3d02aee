package io.cedarwood.jakarta.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that identifies the resource of a {@link CedarAuthorize} method: named in its
 * {@code resource} expression by {@link #value()}, or, when the expression is empty, the resource itself
 * (an {@code EntityUid}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CedarResource {
    /** The name the {@code resource} expression uses for this parameter; empty: the parameter's own name. */
    String value() default "";
}
