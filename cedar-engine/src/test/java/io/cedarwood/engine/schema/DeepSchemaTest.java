package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.value.EntityType;
import org.junit.jupiter.api.Test;

import static io.cedarwood.engine.schema.SchemaAssertions.humanMessages;
import static io.cedarwood.engine.schema.SchemaAssertions.jsonMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deep input gives a clean error, never a {@link StackOverflowError} (surefire runs with -Xss1m). */
class DeepSchemaTest {
    private static final int HUGE = 100_000;

    private static String nestedSets(int depth) {
        return "entity E = { a: " + "Set<".repeat(depth) + "Long" + ">".repeat(depth) + " };";
    }

    private static String nestedRecords(int depth) {
        return "entity E = { a: " + "{ a: ".repeat(depth) + "Long" + " }".repeat(depth) + " };";
    }

    private static String nestedJsonSets(int depth) {
        return "{\"\": {\"entityTypes\": {\"E\": {\"shape\": {\"type\": \"Record\", \"attributes\": {\"a\": "
                + "{\"type\": \"Set\", \"element\": ".repeat(depth) + "{\"type\": \"Long\"}" + "}".repeat(depth)
                + "}}}}, \"actions\": {}}}";
    }

    @Test
    void parseWhenHugelyNestedSetsThenCleanError() {
        assertThat(humanMessages(nestedSets(HUGE))).containsExactly("schema is nested too deeply");
    }

    @Test
    void parseWhenHugelyNestedRecordsThenCleanError() {
        assertThat(humanMessages(nestedRecords(HUGE))).containsExactly("schema is nested too deeply");
    }

    @Test
    void parseWhenHugelyNestedJsonThenCleanError() {
        assertThat(jsonMessages(nestedJsonSets(HUGE))).containsExactly("JSON is nested too deeply");
        assertThat(jsonMessages("[".repeat(HUGE) + "]".repeat(HUGE))).containsExactly("JSON is nested too deeply");
        assertThat(jsonMessages("{\"a\":".repeat(HUGE) + "1" + "}".repeat(HUGE))).containsExactly("JSON is nested too deeply");
    }

    @Test
    void parseWhenNestedJustBeyondTheLimitThenTypesAreTooDeep() {
        // the shape record is the first level, the attribute's sets the others
        assertThat(humanMessages(nestedSets(SchemaLimits.MAX_TYPE_DEPTH))).containsExactly("types are nested too deeply");
        assertThat(jsonMessages(nestedJsonSets(SchemaLimits.MAX_TYPE_DEPTH))).singleElement().asString()
                .startsWith("types are nested too deeply at `$[\"\"].entityTypes.E.shape.attributes.a.element");
    }

    @Test
    void parseWhenNestedToTheLimitThenAcceptedAndTranslatable() {
        int depth = SchemaLimits.MAX_TYPE_DEPTH - 1;
        for (String text : new String[] {nestedSets(depth), nestedRecords(depth)}) {
            Schema schema = Schema.parseCedarSchema(text);
            Schema viaJson = Schema.parseJson(schema.toJson());
            assertThat(viaJson).isEqualTo(schema);
            assertThat(Schema.parseCedarSchema(viaJson.toCedarSchema())).isEqualTo(schema);
            assertThat(schema.entityType(EntityType.of("E")).orElseThrow().shape().toString()).contains("Long");
        }
        assertThat(Schema.parseJson(nestedJsonSets(depth)).entityTypes()).hasSize(1);
    }

    @Test
    void parseWhenLongChainsThenNoRecursionTrouble() {
        int n = 2_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("type T").append(i).append(" = T").append(i + 1).append(";\n");
            text.append("entity E").append(i).append(" in [E").append(i + 1).append("];\n");
        }
        text.append("type T").append(n).append(" = Long;\nentity E").append(n).append(";\n");
        Schema schema = Schema.parseCedarSchema(text.toString());
        assertThat(schema.commonTypes().get("T0")).isEqualTo(SchemaType.LONG);
        assertThat(schema.entityType(EntityType.of("E0")).orElseThrow().ancestorTypes()).hasSize(n);
    }

    @Test
    void parseWhenLongCycleOfCommonTypesThenCleanError() {
        int n = 5_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("type T").append(i).append(" = T").append((i + 1) % n).append(";\n");
        }
        assertThatThrownBy(() -> Schema.parseCedarSchema(text.toString())).isInstanceOf(ParseException.class)
                .hasMessageContaining("cycle in common type references");
    }
}
