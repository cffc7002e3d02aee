package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.EvaluationException.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cedarwood.engine.eval.EvaluatorTest.ADMINS;
import static io.cedarwood.engine.eval.EvaluatorTest.ALICE;
import static io.cedarwood.engine.eval.EvaluatorTest.ENTITIES;
import static io.cedarwood.engine.eval.EvaluatorTest.PHOTO;
import static io.cedarwood.engine.eval.EvaluatorTest.REQUEST;
import static io.cedarwood.engine.eval.EvaluatorTest.STAFF;
import static io.cedarwood.engine.eval.EvaluatorTest.VIEW;
import static io.cedarwood.engine.eval.Exprs.error;
import static io.cedarwood.engine.eval.Exprs.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicySatisfactionTest {

    private static Policy.Builder policy() {
        return Policy.builder(PolicyId.of("p"), Effect.PERMIT);
    }

    private static boolean satisfied(Policy.Builder b) {
        return Evaluator.isSatisfied(b.build(), REQUEST, ENTITIES);
    }

    private static ScopeConstraint eq(EntityUid uid) {
        return new ScopeConstraint.Eq(new EntityReference.Uid(uid));
    }

    private static ScopeConstraint in(EntityUid uid) {
        return new ScopeConstraint.In(new EntityReference.Uid(uid));
    }

    private static Condition when(Expr e) {
        return new Condition(Condition.Kind.WHEN, e);
    }

    private static Condition unless(Expr e) {
        return new Condition(Condition.Kind.UNLESS, e);
    }

    private static Policy.Builder conditions(Condition... conditions) {
        return policy().conditions(new ArrayList<>(List.of(conditions)));
    }

    @Test
    void anUnconstrainedPolicyWithoutConditionsIsSatisfied() {
        assertThat(satisfied(policy())).isTrue();
    }

    @Test
    void principalAndResourceConstraints() {
        assertThat(satisfied(policy().principal(eq(ALICE)))).isTrue();
        assertThat(satisfied(policy().principal(eq(EntityUid.of("User", "bob"))))).isFalse();
        assertThat(satisfied(policy().principal(in(STAFF)))).isTrue();
        assertThat(satisfied(policy().principal(in(ALICE)))).isTrue();
        assertThat(satisfied(policy().principal(in(PHOTO)))).isFalse();
        assertThat(satisfied(policy().principal(new ScopeConstraint.Is(EntityType.of("User"))))).isTrue();
        assertThat(satisfied(policy().principal(new ScopeConstraint.Is(EntityType.of("Group"))))).isFalse();
        assertThat(satisfied(policy().principal(
                new ScopeConstraint.IsIn(EntityType.of("User"), new EntityReference.Uid(ADMINS))))).isTrue();
        assertThat(satisfied(policy().principal(
                new ScopeConstraint.IsIn(EntityType.of("Group"), new EntityReference.Uid(ADMINS))))).isFalse();
        assertThat(satisfied(policy().principal(
                new ScopeConstraint.IsIn(EntityType.of("User"), new EntityReference.Uid(PHOTO))))).isFalse();
        assertThat(satisfied(policy().resource(eq(PHOTO)))).isTrue();
        assertThat(satisfied(policy().resource(new ScopeConstraint.Is(EntityType.of("Album"))))).isFalse();
    }

    @Test
    void actionConstraints() {
        EntityUid read = EntityUid.of("Action", "read");
        assertThat(satisfied(policy().action(new ActionConstraint.Eq(VIEW)))).isTrue();
        assertThat(satisfied(policy().action(new ActionConstraint.Eq(read)))).isFalse();
        assertThat(satisfied(policy().action(new ActionConstraint.In(List.of(read, VIEW))))).isTrue();
        assertThat(satisfied(policy().action(new ActionConstraint.In(List.of(read))))).isFalse();
        assertThat(satisfied(policy().action(new ActionConstraint.In(List.of())))).isFalse();
    }

    @Test
    void actionInFollowsTheActionHierarchy() {
        EntityUid all = EntityUid.of("Action", "all");
        Entities entities = Entities.of(List.of(new Entity(VIEW, Map.of(), Set.of(all))));
        Policy p = policy().action(new ActionConstraint.In(List.of(all))).build();
        assertThat(Evaluator.isSatisfied(p, REQUEST, entities)).isTrue();
        assertThat(Evaluator.isSatisfied(p, REQUEST, ENTITIES)).isFalse();
    }

    @Test
    void whenNeedsTrueAndUnlessNeedsFalse() {
        assertThat(satisfied(conditions(when(lit(true))))).isTrue();
        assertThat(satisfied(conditions(when(lit(false))))).isFalse();
        assertThat(satisfied(conditions(unless(lit(false))))).isTrue();
        assertThat(satisfied(conditions(unless(lit(true))))).isFalse();
        assertThat(satisfied(conditions(when(lit(true)), unless(lit(false)), when(lit(true))))).isTrue();
        assertThat(satisfied(conditions(when(lit(true)), unless(lit(true)), when(lit(true))))).isFalse();
    }

    @Test
    void aConditionThatIsNotABooleanIsATypeError() {
        assertThatThrownBy(() -> satisfied(conditions(when(lit(1)))))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TYPE_ERROR))
                .hasMessage("type error: expected bool, got long");
        assertThatThrownBy(() -> satisfied(conditions(unless(lit("no")))))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TYPE_ERROR));
    }

    @Test
    void conditionErrorsPropagate() {
        assertThatThrownBy(() -> satisfied(conditions(when(error()))))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.ENTITY_DOES_NOT_EXIST));
    }

    @Test
    void evaluationStopsAtTheFirstPartThatDoesNotHold() {
        assertThat(satisfied(conditions(when(error())).principal(eq(EntityUid.of("User", "bob"))))).isFalse();
        assertThat(satisfied(conditions(when(error())).action(new ActionConstraint.In(List.of())))).isFalse();
        assertThat(satisfied(conditions(when(error())).resource(in(ALICE)))).isFalse();
        assertThat(satisfied(conditions(when(lit(false)), when(error())))).isFalse();
        assertThat(satisfied(conditions(unless(lit(true)), when(lit(1))))).isFalse();
        assertThatThrownBy(() -> satisfied(conditions(when(lit(true)), when(error()))))
                .isInstanceOf(EvaluationException.class);
    }

    @Test
    void aTemplateCannotBeEvaluated() {
        Policy template = policy().principal(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL))).build();
        assertThatThrownBy(() -> Evaluator.isSatisfied(template, REQUEST, ENTITIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template");
    }

    @Test
    void aPolicyDeeperThanTheLimitCannotBeMade() {
        Expr e = lit(true);
        for (int i = 0; i < 200_000; i++) {
            e = Exprs.not(Exprs.not(e));
        }
        Expr deep = e;
        assertThatThrownBy(() -> conditions(when(deep)).build())
                .isInstanceOf(CedarException.class).hasMessageContaining("nested too deeply");
    }
}
