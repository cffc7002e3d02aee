package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.value.EntityType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Long member-of chains in a schema end in a clean error, not out of memory (the build runs this class
 * with a 256 MiB heap: see docs/limits.md).
 */
class SchemaLimitsTest {

    private static String actionChain(int n) {
        StringBuilder text = new StringBuilder("entity U;\n");
        for (int i = 0; i < n; i++) {
            text.append("action a").append(i);
            if (i + 1 < n) {
                text.append(" in [a").append(i + 1).append("]");
            }
            text.append(" appliesTo { principal: U, resource: U };\n");
        }
        return text.toString();
    }

    private static String entityTypeChain(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("entity E").append(i);
            if (i + 1 < n) {
                text.append(" in [E").append(i + 1).append("]");
            }
            text.append(";\n");
        }
        return text.toString();
    }

    @Test
    void anActionChainOfFiveThousandIsTooLarge() {
        // 12.5 million (action, ancestor) pairs
        assertThatThrownBy(() -> Schema.parseCedarSchema(actionChain(5_000)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("the action hierarchy is too large: its members have more than 2500000 ancestors in all");
    }

    @Test
    void anEntityTypeChainOfFiveThousandIsTooLarge() {
        assertThatThrownBy(() -> Schema.parseCedarSchema(entityTypeChain(5_000)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("the entity type hierarchy is too large: its members have more than 2500000 ancestors in all");
    }

    @Test
    void chainsWithinTheLimitKeepEveryAncestor() {
        // 1,000 long: 499,500 pairs each
        Schema schema = Schema.parseCedarSchema(entityTypeChain(1_000) + actionChain(1_000));
        assertThat(schema.entityTypes().get(new EntityType("E0")).ancestorTypes()).hasSize(999);
    }
}
