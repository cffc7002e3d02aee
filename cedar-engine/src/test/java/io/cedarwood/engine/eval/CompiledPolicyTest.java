package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.StringValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledPolicyTest {
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final Request REQUEST = new Request(ALICE, EntityUid.of("Action", "view"), EntityUid.of("Doc", "d"));

    private static Policy when(Expr body) {
        return Policy.builder(PolicyId.of("p"), Effect.PERMIT).conditions(List.of(new Condition(Condition.Kind.WHEN, body))).build();
    }

    private static Expr call(String function, Expr... arguments) {
        return new Expr.ExtensionCall(function, List.of(arguments));
    }

    @Test
    void isSatisfiedWhenAConstantConditionHolds() {
        Expr body = call("lessThan", call("decimal", Exprs.lit("1.5")), call("decimal", Exprs.lit("2.0")));
        assertThat(CompiledPolicy.compile(when(body)).isSatisfied(REQUEST, Entities.EMPTY)).isTrue();
    }

    @Test
    void isSatisfiedWhenAnExtensionCallOnLiteralsFailsThenItFailsWhenEvaluatedNotWhenCompiled() {
        Policy policy = when(call("lessThan", call("decimal", Exprs.lit("nope")), call("decimal", Exprs.lit("2.0"))));
        CompiledPolicy compiled = CompiledPolicy.compile(policy);
        assertThatThrownBy(() -> compiled.isSatisfied(REQUEST, Entities.EMPTY))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXTENSION_ERROR))
                .hasMessage(messageOf(() -> Evaluator.isSatisfied(policy, REQUEST, Entities.EMPTY)));
    }

    @Test
    void isSatisfiedWhenTheScopeDoesNotMatchThenTheConditionIsNotEvaluated() {
        Policy policy = when(new Expr.GetAttr(new Expr.Var(io.cedarwood.engine.ast.Variable.PRINCIPAL), "missing"))
                .toBuilder().principal(new io.cedarwood.engine.ast.ScopeConstraint.Is(io.cedarwood.engine.value.EntityType.of("Team")))
                .build();
        assertThat(CompiledPolicy.compile(policy).isSatisfied(REQUEST, Entities.EMPTY)).isFalse();
    }

    @Test
    void isSatisfiedWhenThePolicyIsAsDeepAsAllowedThenCompiledAndInterpretedAgree() {
        Expr body = Exprs.lit(true);
        for (int i = 0; i < Expr.MAX_DEPTH - 6; i++) {
            body = new Expr.Unary(io.cedarwood.engine.ast.UnaryOp.NOT, body);
        }
        Policy policy = when(body);
        assertThat(policy.depth()).isEqualTo(Expr.MAX_DEPTH - 1);
        assertThat(CompiledPolicy.compile(policy).isSatisfied(REQUEST, Entities.EMPTY))
                .isEqualTo(Evaluator.isSatisfied(policy, REQUEST, Entities.EMPTY)).isTrue();
    }

    /** Each form the compiler treats apart, on the evaluator tests' entities: compiled and interpreted agree. */
    @Test
    void isSatisfiedWhenEachCompiledFormIsUsedThenCompiledAndInterpretedAgree() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("permit (principal is User, action, resource);", true);
        expected.put("permit (principal is Group, action, resource);", false);
        expected.put("permit (principal, action, resource is Photo in Photo::\"p1\");", true);
        expected.put("permit (principal is User in Group::\"nobody\", action, resource);", false);
        expected.put("permit (principal, action, resource) when { !context.flag };", false);
        expected.put("permit (principal, action, resource) when { !(context.n > 9) };", true);
        expected.put("permit (principal, action, resource) when { context.n == 5 && principal.age == 30 };", true);
        expected.put("permit (principal, action, resource) when { resource.owner == principal };", true);
        expected.put("permit (principal, action, resource) when { principal.manager != principal };", true);
        expected.put("permit (principal, action, resource) when { principal in Group::\"staff\" };", true);
        expected.put("permit (principal, action, resource) when"
                + " { ip(\"10.0.0.1\").isInRange(if context.flag then ip(\"10.0.0.0/8\") else ip(\"1.1.1.1/32\")) };", true);
        expected.put("permit (principal, action, resource) when { decimal(\"1.5\").lessThan(decimal(\"2.0\")) };", true);
        expected.put("permit (principal, action, resource) when { {b: context.n, ab: 1, a: context.flag}.a };", true);
        for (Map.Entry<String, Boolean> e : expected.entrySet()) {
            Policy policy = PolicyParser.parsePolicy(PolicyId.of("p"), e.getKey());
            assertThat(CompiledPolicy.compile(policy).isSatisfied(EvaluatorTest.REQUEST, EvaluatorTest.ENTITIES))
                    .as(e.getKey())
                    .isEqualTo(Evaluator.isSatisfied(policy, EvaluatorTest.REQUEST, EvaluatorTest.ENTITIES))
                    .isEqualTo(e.getValue());
        }
    }

    /** Errors too: the same kind from both, e.g. the first erroring field of a record in name order. */
    @Test
    void isSatisfiedWhenAFormErrorsThenCompiledAndInterpretedFailAlike() {
        for (String text : List.of(
                "permit (principal, action, resource) when { context.n in Group::\"staff\" };",
                "permit (principal, action, resource) when"
                        + " { {b: 9223372036854775807 + 1, ab: 1 + \"x\", a: 1}.a == 1 };",
                "permit (principal, action, resource) when"
                        + " { {b: 1 + \"x\", ab: 9223372036854775807 + 1}.b == 1 };")) {
            Policy policy = PolicyParser.parsePolicy(PolicyId.of("p"), text);
            EvaluationException.Kind interpreted = kindOf(
                    () -> Evaluator.isSatisfied(policy, EvaluatorTest.REQUEST, EvaluatorTest.ENTITIES));
            assertThat(kindOf(() -> CompiledPolicy.compile(policy).isSatisfied(EvaluatorTest.REQUEST,
                    EvaluatorTest.ENTITIES))).as(text).isEqualTo(interpreted);
        }
        assertThat(kindOf(() -> Evaluator.isSatisfied(PolicyParser.parsePolicy(PolicyId.of("p"),
                "permit (principal, action, resource) when { {b: 1 + \"x\", ab: 9223372036854775807 + 1}.b == 1 };"),
                EvaluatorTest.REQUEST, EvaluatorTest.ENTITIES))).isEqualTo(EvaluationException.Kind.OVERFLOW);
    }

    private static EvaluationException.Kind kindOf(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (EvaluationException e) {
            return e.kind();
        }
        throw new AssertionError("no evaluation error");
    }

    @Test
    void compileRefusesATemplate() {
        Policy template = Policy.builder(PolicyId.of("t"), Effect.PERMIT)
                .principal(new io.cedarwood.engine.ast.ScopeConstraint.Eq(
                        new io.cedarwood.engine.ast.EntityReference.Slot(io.cedarwood.engine.ast.SlotId.PRINCIPAL)))
                .build();
        assertThatThrownBy(() -> CompiledPolicy.compile(template)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void likeMatchesCodePointsOutsideTheBasicPlane() {
        Expr body = new Expr.Like(Exprs.lit(StringValue.of("a\uD83D\uDE00b\uD83D\uDE00")),
                new io.cedarwood.engine.ast.Pattern(List.of(new io.cedarwood.engine.ast.Pattern.Text("a"),
                        new io.cedarwood.engine.ast.Pattern.Wildcard(),
                        new io.cedarwood.engine.ast.Pattern.Text("\uD83D\uDE00"))));
        assertThat(CompiledPolicy.compile(when(body)).isSatisfied(REQUEST, Entities.EMPTY)).isTrue();
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (EvaluationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an evaluation error");
    }
}
