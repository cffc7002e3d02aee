package io.cedarwood.engine.value;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values built in code are at most twice {@link Value#MAX_DEPTH} deep, and those are safe to hash and print. */
class ValueLimitsTest {

    private static final UnaryOperator<Value> IN_SET = v -> SetValue.of(v);
    private static final UnaryOperator<Value> IN_RECORD = v -> RecordValue.of(Map.of("a", v));

    private static Value nest(int depth, UnaryOperator<Value> wrap) {
        Value v = LongValue.of(1);
        for (int i = 1; i < depth; i++) {
            v = wrap.apply(v);
        }
        return v;
    }

    @Test
    void aSetOrRecordDeeperThanTheLimitCannotBeBuilt() {
        for (UnaryOperator<Value> wrap : java.util.List.of(IN_SET, IN_RECORD)) {
            Value deepest = nest(2 * Value.MAX_DEPTH, wrap);
            assertThatThrownBy(() -> wrap.apply(deepest))
                    .isInstanceOf(CedarException.class)
                    .hasMessage("a value is nested too deeply: at most 1000 levels of sets and records are supported");
            // 100,000 levels as the issue tried: the build stops at the limit
            assertThatThrownBy(() -> nest(100_000, wrap)).isInstanceOf(CedarException.class);
        }
    }

    @Test
    void theDeepestValuesHashCompareAndPrintOnAOneMebibyteStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                for (UnaryOperator<Value> wrap : java.util.List.of(IN_SET, IN_RECORD)) {
                    Value a = nest(2 * Value.MAX_DEPTH, wrap);
                    Value b = nest(2 * Value.MAX_DEPTH, wrap);
                    assertThat(a.hashCode()).isEqualTo(b.hashCode());
                    assertThat(a).isEqualTo(b);
                    assertThat(a.toCedar()).hasSizeGreaterThan(2 * Value.MAX_DEPTH);
                    assertThat(a.toString()).hasSizeGreaterThan(2 * Value.MAX_DEPTH);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "one-mebibyte-stack", 1L << 20);
        thread.start();
        thread.join();
        assertThat(failure.get()).isNull();
    }
}
