package io.cedarwood.engine.value;

/**
 * An expression that failed to evaluate. Inside the authorizer this is data (the policy is skipped and
 * reported), never something the caller sees thrown. Carries no stack trace: it is an expected outcome.
 */
public final class EvaluationException extends CedarException {
    /** The kinds of evaluation error, as the Cedar specification names them. */
    public enum Kind {
        ENTITY_DOES_NOT_EXIST,
        ATTRIBUTE_DOES_NOT_EXIST,
        TAG_DOES_NOT_EXIST,
        TYPE_ERROR,
        OVERFLOW,
        EXTENSION_ERROR,
        /** the expression is nested deeper than the evaluator allows */
        TOO_DEEP,
        /**
         * the expression mentions a template slot that is not linked (only a hand-built expression or a
         * template's {@code toExpr()} can: the policies of a set are linked)
         */
        UNLINKED_SLOT
    }

    private final Kind kind;

    public EvaluationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
