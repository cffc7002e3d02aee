package io.cedarwood.spring.security;

import io.cedarwood.engine.PolicySet;
import io.cedarwood.engine.Schema;

import java.util.List;

/**
 * Checks policies against a schema before they are used, at startup and on every reload: policies that
 * don't validate never replace the ones in use. The auto-configuration uses the bean of this type.
 */
@FunctionalInterface
public interface CedarPolicyValidator {

    /** The problems found, each a message naming the policy; empty when the policies validate. */
    List<String> validate(PolicySet policies, Schema schema);
}
