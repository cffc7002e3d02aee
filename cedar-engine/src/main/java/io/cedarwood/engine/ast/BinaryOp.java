package io.cedarwood.engine.ast;

/** Two-operand operators and built-in two-argument methods, as written in Cedar. */
public enum BinaryOp {
    EQ("=="), NOT_EQ("!="), LESS("<"), LESS_EQ("<="), GREATER(">"), GREATER_EQ(">="),
    ADD("+"), SUB("-"), MUL("*"), IN("in"),
    CONTAINS("contains"), CONTAINS_ALL("containsAll"), CONTAINS_ANY("containsAny"),
    GET_TAG("getTag"), HAS_TAG("hasTag");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The operator symbol or method name as written in Cedar. */
    public String symbol() {
        return symbol;
    }

    /** Whether Cedar writes this one as a method call, {@code left.symbol(right)}. */
    public boolean isMethod() {
        return switch (this) {
            case CONTAINS, CONTAINS_ALL, CONTAINS_ANY, GET_TAG, HAS_TAG -> true;
            default -> false;
        };
    }
}
