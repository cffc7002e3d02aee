package io.cedarwood.engine.validation;

/**
 * The result of typechecking one expression: whether it typechecked, its typed tree (whose type may be
 * known even when it did not typecheck, e.g. {@code Bool} for a failed {@code &&}) and, when it
 * typechecked, what is known to exist when it evaluates to {@code true}.
 */
record Answer(boolean ok, TypedExpr expr, Capabilities capabilities) {

    static Answer success(TypedExpr expr) {
        return new Answer(true, expr, Capabilities.NONE);
    }

    static Answer success(TypedExpr expr, Capabilities capabilities) {
        return new Answer(true, expr, capabilities);
    }

    static Answer fail(TypedExpr expr) {
        return new Answer(false, expr, Capabilities.NONE);
    }

    Type type() {
        return expr.type();
    }

    /** This answer, failed if {@code cause} failed: how the result of a step follows its operands. */
    Answer after(Answer cause) {
        return cause.ok ? this : fail();
    }

    Answer fail() {
        return ok ? new Answer(false, expr, Capabilities.NONE) : this;
    }
}
