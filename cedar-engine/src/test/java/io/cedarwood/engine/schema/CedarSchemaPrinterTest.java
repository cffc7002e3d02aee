package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.CedarException;
import org.junit.jupiter.api.Test;

import static io.cedarwood.engine.schema.SchemaAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarSchemaPrinterTest {

    @Test
    void printWhenHumanSchemaThenReadableTextThatParsesBackEqual() {
        Schema schema = Schema.parseCedarSchema("""
                entity Global;
                @doc("app")
                namespace App {
                type Task = {"id": Long, "due date"?: datetime};
                @doc("a user") entity User in [Group, Global] = {@doc("tasks") tasks: Set<Task>, "if": Bool} tags String;
                entity Group; entity Color enum ["red", "blue \\"x\\""];
                action read, "write all" in [Action::"all", "g"] appliesTo { principal: [User], resource: Group,
                  context: { ip: ipaddr } };
                action g, all; action list appliesTo { principal: User, resource: User, context: Task };
                }
                """);
        String text = schema.toCedarSchema();
        assertThat(text).isEqualTo("""
                entity Global;

                @doc("app")
                namespace App {
                  type Task = {
                    id: Long,
                    "due date"?: datetime
                  };

                  @doc("a user")
                  entity User in [Group, Global] = {
                    @doc("tasks")
                    tasks: Set<Task>,
                    "if": Bool
                  } tags String;

                  entity Group;

                  entity Color enum ["red", "blue \\"x\\""];

                  action read in [Action::"all", g] appliesTo {
                    principal: [User],
                    resource: [Group],
                    context: {
                      ip: ipaddr
                    }
                  };

                  action "write all" in [Action::"all", g] appliesTo {
                    principal: [User],
                    resource: [Group],
                    context: {
                      ip: ipaddr
                    }
                  };

                  action g;

                  action all;

                  action list appliesTo {
                    principal: [User],
                    resource: [User],
                    context: Task
                  };
                }
                """);
        assertThat(Schema.parseCedarSchema(text)).isEqualTo(schema);
    }

    @Test
    void printWhenJsonNamesBuiltinsThenBareUnlessShadowed() {
        Schema schema = Schema.parseJson(json("N", """
                "entityTypes": {"Long": {}, "A": {"shape": {"type": "Record", "attributes": {
                  "l": {"type": "Long"}, "s": {"type": "String"}, "b": {"type": "Boolean"},
                  "d": {"type": "Extension", "name": "decimal"}}}}},
                "actions": {}"""));
        String text = schema.toCedarSchema();
        assertThat(text).contains("l: __cedar::Long", "s: String", "b: Bool", "d: decimal");
        assertThat(Schema.parseCedarSchema(text).resolved()).isEqualTo(schema.resolved());
    }

    @Test
    void printWhenJsonPinsAReferenceKindThatABareNameKeepsThenPrinted() {
        Schema schema = Schema.parseJson(json("N", """
                "commonTypes": {"C": {"type": "Record", "attributes": {"e": {"type": "Entity", "name": "E"}}}},
                "entityTypes": {"E": {"shape": {"type": "Record", "attributes": {"c": {"type": "C"}}}}},
                "actions": {"a": {"appliesTo": {"principalTypes": ["E"], "resourceTypes": ["E"], "context": {"type": "C"}}}}"""));
        String text = schema.toCedarSchema();
        assertThat(text).contains("c: C", "e: E", "context: C");
        assertThat(Schema.parseCedarSchema(text).resolved()).isEqualTo(schema.resolved());
    }

    @Test
    void printWhenActionAppliesToNoPrincipalsThenItIsWrittenWithoutAppliesTo() {
        Schema schema = Schema.parseJson(json("", """
                "entityTypes": {"E": {}},
                "actions": {"a": {"appliesTo": {"principalTypes": [], "resourceTypes": ["E"]}}}"""));
        assertThat(schema.toCedarSchema()).isEqualTo("entity E;\n\naction a;\n");
    }

    @Test
    void printWhenShapeIsACommonTypeNameThenRefused() {
        Schema schema = Schema.parseJson(json("", """
                "commonTypes": {"S": {"type": "Record", "attributes": {}}},
                "entityTypes": {"E": {"shape": {"type": "S"}}}, "actions": {}"""));
        assertThatThrownBy(schema::toCedarSchema).isInstanceOf(CedarException.class)
                .hasMessageContaining("entity type `E` cannot be written in the human schema format");
    }

    @Test
    void printWhenEntityReferenceWouldResolveToACommonTypeThenRefused() {
        Schema schema = Schema.parseJson(json("N", """
                "commonTypes": {"E": {"type": "Long"}},
                "entityTypes": {"E": {}, "A": {"shape": {"type": "Record", "attributes": {"e": {"type": "Entity", "name": "E"}}}}},
                "actions": {}"""));
        assertThatThrownBy(schema::toCedarSchema).isInstanceOf(CedarException.class)
                .hasMessageContaining("`E` refers to an entity type in JSON, but would refer to `N::E`");
    }

    @Test
    void printWhenNamesNeedQuotingThenQuoted() {
        Schema schema = Schema.parseCedarSchema("entity A = { \"in\": Long, \"a b\": Long, \"\\u{1}\": Long }; action \"true\";");
        assertThat(schema.toCedarSchema()).contains("\"in\": Long", "\"a b\": Long", "\"\\u{1}\": Long", "action \"true\";");
        assertThat(Schema.parseCedarSchema(schema.toCedarSchema())).isEqualTo(schema);
    }

    @Test
    void printWhenEmptySchemaThenEmptyText() {
        assertThat(Schema.parseCedarSchema("").toCedarSchema()).isEmpty();
        assertThat(Schema.parseCedarSchema("// nothing\n").toJson()).isEqualTo("{}");
    }
}
