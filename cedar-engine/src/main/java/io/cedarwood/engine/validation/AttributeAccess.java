package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An attribute access as messages describe it: the chain of attributes read ({@code foo.bar}) and what
 * it was read from (an entity type, the context of an action, or something else).
 *
 * @param attributes the attributes, innermost (the one that failed) first
 * @param entity the entity types read from, or {@code null}
 * @param contextOf the action whose context was read from, or {@code null}
 */
record AttributeAccess(List<String> attributes, Type.EntityLubType entity, EntityUid contextOf) {

    /** The access of {@code attribute} on the typed expression {@code target}. */
    static AttributeAccess of(RequestEnv env, TypedExpr target, String attribute) {
        List<String> attributes = new ArrayList<>();
        attributes.add(attribute);
        TypedExpr e = target;
        while (true) {
            if (e.type() instanceof Type.EntityLubType lub) {
                return new AttributeAccess(attributes, lub, null);
            } else if (e.node() instanceof Expr.Var v && v.variable() == Variable.CONTEXT) {
                return new AttributeAccess(attributes, null, env.action());
            } else if (e.node() instanceof Expr.GetAttr g && !e.children().isEmpty()) {
                attributes.add(g.attribute());
                e = e.child(0);
            } else {
                return new AttributeAccess(attributes, null, null);
            }
        }
    }

    /** A {@code has} test that would make the access safe, e.g. {@code context.foo has bar}. */
    String suggestedHasGuard() {
        StringBuilder guard = new StringBuilder(contextOf != null ? "context" : "e");
        chain(guard, attributes.subList(1, attributes.size()), true);
        String last = attributes.get(0);
        guard.append(" has ").append(Names.isIdentifier(last) ? last : CedarStrings.quote(last));
        return guard.toString();
    }

    private static void chain(StringBuilder out, List<String> innermostFirst, boolean leadingDot) {
        for (int i = innermostFirst.size() - 1, idx = 0; i >= 0; i--, idx++) {
            String a = innermostFirst.get(i);
            if (Names.isIdentifier(a)) {
                if (idx != 0 || leadingDot) {
                    out.append('.');
                }
                out.append(a);
            } else {
                out.append('[').append(CedarStrings.quote(a)).append(']');
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("`");
        chain(out, attributes, false);
        out.append('`');
        if (entity != null) {
            if (entity.types().size() == 1) {
                out.append(" on entity type `").append(entity.types().first()).append('`');
            } else {
                out.append(" on entity types ").append(entity.types().stream().map(EntityType::name)
                        .map(n -> "`" + n + "`").collect(Collectors.joining(", ")));
            }
        } else if (contextOf != null) {
            out.append(" in context for ").append(contextOf);
        }
        return out.toString();
    }
}
