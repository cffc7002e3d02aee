package io.cedarwood.engine.eval;

import io.cedarwood.engine.value.EvaluationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.cedarwood.engine.eval.Exprs.add;
import static io.cedarwood.engine.eval.Exprs.lit;
import static io.cedarwood.engine.eval.Exprs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityOpsTest {
    @Test
    void compareCodePointsOrdersAPrefixFirstAndEqualStringsTheSame() {
        assertThat(EntityOps.compareCodePoints("a", "ab")).isNegative();
        assertThat(EntityOps.compareCodePoints("ab", "a")).isPositive();
        assertThat(EntityOps.compareCodePoints("ab", "ab")).isZero();
        assertThat(EntityOps.compareCodePoints("", "")).isZero();
    }

    @Test
    void compareCodePointsOrdersByCodePointNotByUtf16Unit() {
        // U+1F600 is the surrogate pair D83D DE00, below U+FF5E as UTF-16 units but above it as a code point
        assertThat(EntityOps.compareCodePoints("\uD83D\uDE00", "\uFF5E")).isPositive();
        List<String> names = new ArrayList<>(List.of("\uD83D\uDE00", "b", "\uFF5E", "ab", "a"));
        names.sort(EntityOps::compareCodePoints);
        assertThat(names).containsExactly("a", "ab", "b", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void evaluateWhenTwoFieldsOfARecordErrorThenTheFirstInCodePointOrderIsReported() {
        // fields are evaluated in name order, as the reference does: "a" before "ab" before "b"
        assertThatThrownBy(() -> EvaluatorTest.eval(record("b", add(lit(Long.MAX_VALUE), lit(1)),
                "ab", add(lit(1), lit("x")), "a", lit(1))))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.kind()).isEqualTo(EvaluationException.Kind.TYPE_ERROR));
    }
}
