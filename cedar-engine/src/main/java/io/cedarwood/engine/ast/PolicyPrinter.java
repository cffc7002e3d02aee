package io.cedarwood.engine.ast;

import io.cedarwood.engine.Policy;

/** Prints policies as Cedar text. STUB: to be implemented by the parser work. */
public final class PolicyPrinter {
    private PolicyPrinter() {
    }

    public static String print(Policy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
