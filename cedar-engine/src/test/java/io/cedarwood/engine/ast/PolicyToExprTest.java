package io.cedarwood.engine.ast;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Policy#toExpr()}: the scope and the conditions as the one conjunction Lean's Policy.toExpr builds. */
class PolicyToExprTest {
    private static Policy policy(String text) {
        return PolicyParser.parsePolicy(PolicyId.of("p"), text);
    }

    private static Expr expr(String text) {
        return PolicyParser.parseExpression(text);
    }

    @Test
    void scopeAndConditionsBecomeOneRightNestedConjunction() {
        Policy p = policy("""
                permit (principal == User::"a", action in [Action::"v", Action::"w"], resource is Doc in Folder::"f")
                when { context.x } unless { context.y };""");
        assertThat(p.toExpr()).isEqualTo(expr("""
                principal == User::"a" && (action in [Action::"v", Action::"w"]
                  && ((resource is Doc && resource in Folder::"f") && (context.x && (!context.y && true))))"""));
    }

    @Test
    void anUnconstrainedScopeIsTrueAndNoConditionIsTrue() {
        assertThat(policy("forbid (principal, action, resource);").toExpr())
                .isEqualTo(expr("true && (true && (true && true))"));
    }

    @Test
    void eachScopeFormHasItsExpression() {
        assertThat(policy("permit (principal in Group::\"g\", action == Action::\"v\", resource is Doc);").toExpr())
                .isEqualTo(expr("principal in Group::\"g\" && (action == Action::\"v\" && (resource is Doc && true))"));
    }

    @Test
    void aLinkedTemplateHasTheExpressionOfItsValues() {
        PolicySet set = PolicySet.parse("permit (principal == ?principal, action, resource in ?resource);")
                .link(PolicyId.of("policy0"), PolicyId.of("link"), Map.of(
                        SlotId.PRINCIPAL, EntityUid.of("User", "a"), SlotId.RESOURCE, EntityUid.of("Folder", "f")));
        assertThat(set.policy(PolicyId.of("link")).toExpr())
                .isEqualTo(expr("principal == User::\"a\" && (true && (resource in Folder::\"f\" && true))"));
    }

    @Test
    void depthIsTheDepthOfTheExpression() {
        for (String text : List.of(
                "permit (principal, action, resource);",
                "permit (principal is User in Group::\"g\", action in [], resource);",
                "permit (principal, action in [Action::\"v\"], resource is Doc in Folder::\"f\") when { true };",
                "forbid (principal == User::\"a\", action == Action::\"v\", resource) unless { context.a.b.c };",
                "permit (principal, action, resource) when { if context.a then [1, [2]] else 3 } when { true }"
                        + " unless { ((1 + 2) * 3) < 4 } when { !!!context.x };")) {
            Policy p = policy(text);
            assertThat(p.depth()).as(text).isEqualTo(p.toExpr().depthUpTo(Integer.MAX_VALUE));
        }
    }

    @Test
    void aTemplateHasItsSlotsInItsExpression() {
        Policy template = policy("permit (principal == ?principal, action, resource is Doc in ?resource);");
        Expr principal = new Expr.Var(Variable.PRINCIPAL);
        Expr resource = new Expr.Var(Variable.RESOURCE);
        Expr t = new Expr.Literal(BoolValue.TRUE);
        assertThat(template.toExpr()).isEqualTo(new Expr.And(
                new Expr.Binary(BinaryOp.EQ, principal, new Expr.Slot(SlotId.PRINCIPAL)),
                new Expr.And(t, new Expr.And(
                        new Expr.And(new Expr.Is(resource, EntityType.of("Doc")),
                                new Expr.Binary(BinaryOp.IN, resource, new Expr.Slot(SlotId.RESOURCE))),
                        t))));
        assertThat(template.toExpr().toCedar())
                .isEqualTo("principal == ?principal && (true && (resource is Doc in ?resource && true))");
        assertThat(template.depth()).isEqualTo(template.toExpr().depthUpTo(Integer.MAX_VALUE));
    }
}
