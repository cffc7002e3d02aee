package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy condition in the shape the reference typechecks: the scope is part of the expression (with
 * template slots), {@code a != b} is {@code !(a == b)}, {@code a > b} is {@code !(a <= b)} and
 * {@code a >= b} is {@code !(a < b)}. Nodes compare structurally, which is how capabilities ("this
 * attribute of this expression is known to exist") are matched; source spans live beside the tree.
 */
sealed interface Node {

    record Lit(Value value) implements Node {
    }

    record Var(Variable variable) implements Node {
    }

    record Slot(SlotId slot) implements Node {
    }

    record If(Node condition, Node thenNode, Node elseNode) implements Node {
    }

    record And(Node left, Node right) implements Node {
    }

    record Or(Node left, Node right) implements Node {
    }

    /** {@code NOT}, {@code NEG} or {@code IS_EMPTY}. */
    record Unary(UnaryOp op, Node arg) implements Node {
    }

    /** Any binary operator but {@code NOT_EQ}, {@code GREATER} and {@code GREATER_EQ}, which are desugared. */
    record Binary(BinaryOp op, Node left, Node right) implements Node {
    }

    record GetAttr(Node target, String attribute) implements Node {
    }

    record HasAttr(Node target, String attribute) implements Node {
    }

    record Like(Node target, Pattern pattern) implements Node {
    }

    record Is(Node target, EntityType entityType) implements Node {
    }

    record SetLit(List<Node> elements) implements Node {
        public SetLit {
            elements = List.copyOf(elements);
        }
    }

    record RecordLit(Map<String, Node> fields) implements Node {
        public RecordLit {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    record Call(String function, List<Node> arguments) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** The direct subexpressions, in evaluation order. */
    default List<Node> children() {
        if (this instanceof If n) {
            return List.of(n.condition(), n.thenNode(), n.elseNode());
        } else if (this instanceof And n) {
            return List.of(n.left(), n.right());
        } else if (this instanceof Or n) {
            return List.of(n.left(), n.right());
        } else if (this instanceof Unary n) {
            return List.of(n.arg());
        } else if (this instanceof Binary n) {
            return List.of(n.left(), n.right());
        } else if (this instanceof GetAttr n) {
            return List.of(n.target());
        } else if (this instanceof HasAttr n) {
            return List.of(n.target());
        } else if (this instanceof Like n) {
            return List.of(n.target());
        } else if (this instanceof Is n) {
            return List.of(n.target());
        } else if (this instanceof SetLit n) {
            return n.elements();
        } else if (this instanceof RecordLit n) {
            return List.copyOf(n.fields().values());
        } else if (this instanceof Call n) {
            return n.arguments();
        }
        return List.of();
    }
}
