package io.cedarwood.engine.ast;

/** The request variables. */
public enum Variable {
    PRINCIPAL("principal"), ACTION("action"), RESOURCE("resource"), CONTEXT("context");

    private final String cedarName;

    Variable(String cedarName) {
        this.cedarName = cedarName;
    }

    /** The name as written in Cedar. */
    public String cedarName() {
        return cedarName;
    }
}
