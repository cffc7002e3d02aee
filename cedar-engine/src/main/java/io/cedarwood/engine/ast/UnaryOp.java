package io.cedarwood.engine.ast;

/** One-operand operators. */
public enum UnaryOp {
    /** {@code !e} */
    NOT,
    /** {@code -e} */
    NEG,
    /** {@code e.isEmpty()} */
    IS_EMPTY
}
