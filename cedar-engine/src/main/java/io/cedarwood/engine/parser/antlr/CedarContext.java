package io.cedarwood.engine.parser.antlr;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;

/**
 * The base of the Cedar grammar's parse tree nodes (the grammar's {@code contextSuperClass}): the same as
 * ANTLR's, except that a node's list of children starts with room for two rather than ten. Most nodes of an
 * expression have one child, and a parse of many policies makes millions of them.
 */
public class CedarContext extends ParserRuleContext {
    public CedarContext() {
    }

    public CedarContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(2);
        }
        children.add(t);
        return t;
    }
}
