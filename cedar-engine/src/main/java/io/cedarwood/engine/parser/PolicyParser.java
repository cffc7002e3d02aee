package io.cedarwood.engine.parser;

import io.cedarwood.engine.Policy;
import io.cedarwood.engine.PolicyId;
import io.cedarwood.engine.PolicySet;

/** Parses Cedar policy text. STUB: to be implemented by the parser work. */
public final class PolicyParser {
    private PolicyParser() {
    }

    public static PolicySet parsePolicySet(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static Policy parsePolicy(PolicyId id, String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
