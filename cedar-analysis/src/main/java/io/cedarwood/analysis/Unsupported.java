package io.cedarwood.analysis;

/** Thrown while compiling a policy that uses something the encoding does not cover; caught per policy. */
final class Unsupported extends RuntimeException {
    Unsupported(String message) {
        super(message, null, false, false);
    }
}
