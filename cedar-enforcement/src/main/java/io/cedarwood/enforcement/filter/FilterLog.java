package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.PolicyId;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says, once at INFO and then at DEBUG, which part of which policy leaves resources to a decision each, and
 * why: a filter is as narrow as the policies, only slower where this is logged.
 */
final class FilterLog {
    private static final System.Logger LOG = System.getLogger("io.cedarwood.enforcement.filter");
    private static final int REMEMBERED = 10_000;

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    void perRow(PolicyId policy, String what, String reason) {
        String message = "policy `" + policy.value() + "`: " + what + " need a decision each: " + reason;
        if (said.size() < REMEMBERED && said.add(message)) {
            LOG.log(System.Logger.Level.INFO, message);
        } else {
            LOG.log(System.Logger.Level.DEBUG, message);
        }
    }

    void failed(String what, String reason) {
        String message = what + " need a decision each: " + reason;
        if (said.size() < REMEMBERED && said.add(message)) {
            LOG.log(System.Logger.Level.WARNING, message);
        } else {
            LOG.log(System.Logger.Level.DEBUG, message);
        }
    }
}
