package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.schema.TypeExpr.Attribute;
import io.cedarwood.engine.schema.TypeExpr.RecordOf;
import io.cedarwood.engine.value.EntityType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cedarwood.engine.schema.SchemaAssertions.json;
import static io.cedarwood.engine.schema.SchemaAssertions.jsonErrors;
import static io.cedarwood.engine.schema.SchemaAssertions.jsonMessages;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaJsonReaderTest {

    private static SchemaFragment fragment(String json) {
        return Schema.parseJson(json).fragment();
    }

    /** A schema whose entity type {@code A} has an attribute {@code x} of the given JSON type. */
    private static String attribute(String type) {
        return json("", "\"entityTypes\": {\"A\": {\"shape\": {\"type\": \"Record\", \"attributes\": {\"x\": "
                + type + "}}}}, \"actions\": {}");
    }

    @Test
    void readWhenEveryFormThenFragmentIsAsWritten() {
        SchemaFragment f = fragment("""
                {"N": {
                  "annotations": {"doc": "ns", "flag": null},
                  "commonTypes": {"C": {"type": "Record", "attributes": {
                      "a": {"type": "Long"}, "b": {"type": "String", "required": false, "annotations": {"k": "v"}},
                      "c": {"type": "Boolean"}, "d": {"type": "Set", "element": {"type": "Entity", "name": "E"}},
                      "e": {"type": "Extension", "name": "ipaddr"}, "f": {"type": "EntityOrCommon", "name": "E"},
                      "g": {"type": "C2"}}, "annotations": {"doc": "c"}},
                    "C2": {"type": "Long"}},
                  "entityTypes": {"E": {"memberOfTypes": ["G"], "shape": {"type": "C"}, "tags": {"type": "Long"}},
                                  "G": {"enum": ["x", "y"], "annotations": {"doc": "g"}}},
                  "actions": {"read": {"memberOf": [{"id": "all"}, {"id": "other", "type": "M::Action"}],
                                       "appliesTo": {"principalTypes": ["E"], "resourceTypes": ["G"],
                                                     "context": {"type": "Record", "attributes": {}}}},
                              "all": {"appliesTo": null, "memberOf": null, "attributes": null}}
                },
                "M": {"entityTypes": {}, "actions": {"other": {}}}}
                """);
        NamespaceDecl n = f.namespaces().get("N");
        assertThat(n.annotations()).isEqualTo(Map.of("doc", "ns", "flag", ""));
        CommonTypeDecl c = n.commonTypes().get("C");
        assertThat(c.annotations()).isEqualTo(Map.of("doc", "c"));
        RecordOf r = (RecordOf) c.type();
        assertThat(r.attributes()).containsExactly(
                Map.entry("a", new Attribute(new TypeExpr.Primitive(TypeExpr.Primitive.Kind.LONG), true)),
                Map.entry("b", new Attribute(new TypeExpr.Primitive(TypeExpr.Primitive.Kind.STRING), false, Map.of("k", "v"))),
                Map.entry("c", new Attribute(new TypeExpr.Primitive(TypeExpr.Primitive.Kind.BOOLEAN), true)),
                Map.entry("d", new Attribute(new TypeExpr.SetOf(new TypeExpr.EntityRef("E")), true)),
                Map.entry("e", new Attribute(new TypeExpr.ExtensionRef("ipaddr"), true)),
                Map.entry("f", new Attribute(new TypeExpr.EntityOrCommonRef("E"), true)),
                Map.entry("g", new Attribute(new TypeExpr.CommonRef("C2"), true)));
        assertThat(n.entityTypes().get("E")).isEqualTo(new EntityDecl.Standard(List.of("G"), new TypeExpr.CommonRef("C"),
                new TypeExpr.Primitive(TypeExpr.Primitive.Kind.LONG), Map.of()));
        assertThat(n.entityTypes().get("G")).isEqualTo(new EntityDecl.Enumerated(List.of("x", "y"), Map.of("doc", "g")));
        assertThat(n.actions().get("read").memberOf()).containsExactly(new ActionDecl.ActionRef(null, "all"),
                new ActionDecl.ActionRef("M::Action", "other"));
        assertThat(n.actions().get("all")).isEqualTo(new ActionDecl(List.of(), ActionDecl.AppliesTo.NOTHING, Map.of()));
    }

    @Test
    void readWhenDefaultsAreWrittenOutThenSameAsLeftOut() {
        String written = json("", """
                "commonTypes": {},
                "entityTypes": {"A": {"memberOfTypes": [], "shape": {"type": "Record", "attributes": {
                    "x": {"type": "Long", "required": true}}, "additionalAttributes": false}}},
                "actions": {"a": {"appliesTo": {"principalTypes": [], "resourceTypes": [], "context": {"type": "Record", "attributes": {}}}}},
                "annotations": {}""");
        String leftOut = json("", """
                "entityTypes": {"A": {"shape": {"type": "Record", "attributes": {"x": {"type": "Long"}}}}},
                "actions": {"a": {}}""");
        assertThat(fragment(written)).isEqualTo(fragment(leftOut));
    }

    @Test
    void readWhenBoolIsUsedAsTypeThenItIsACommonTypeReferenceToTheBuiltin() {
        Schema s = Schema.parseJson(attribute("{\"type\": \"Bool\"}"));
        assertThat(s.entityType(EntityType.of("A")).orElseThrow().shape().attribute("x").type()).isEqualTo(SchemaType.BOOL);
    }

    // ---------------------------------------------------------------- strictness

    @Test
    void readWhenFieldIsUnknownThenError() {
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {}, \"extra\": 1")))
                .containsExactly("unknown field `extra` at `$[\"\"].extra`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"parents\": []}}, \"actions\": {}")))
                .containsExactly("unknown field `parents` at `$[\"\"].entityTypes.A.parents`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {\"a\": {\"appliesTo\": "
                + "{\"principalTypes\": [], \"resourceTypes\": [], \"principal\": []}}}")))
                .containsExactly("unknown field `principal` at `$[\"\"].actions.a.appliesTo.principal`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {\"a\": {\"memberOf\": [{\"id\": \"b\", \"name\": \"c\"}]}}")))
                .containsExactly("unknown field `name` at `$[\"\"].actions.a.memberOf[0].name`");
        assertThat(jsonMessages(attribute("{\"type\": \"Long\", \"optional\": true}")))
                .containsExactly("unknown field `optional` at `$[\"\"].entityTypes.A.shape.attributes.x.optional`");
    }

    @Test
    void readWhenFieldDoesNotBelongToTheTypeThenError() {
        assertThat(jsonMessages(attribute("{\"type\": \"Long\", \"element\": {\"type\": \"Long\"}}")))
                .containsExactly("unexpected field `element` for type `Long` at `$[\"\"].entityTypes.A.shape.attributes.x.element`");
        assertThat(jsonMessages(attribute("{\"type\": \"Set\", \"element\": {\"type\": \"Long\"}, \"name\": \"x\"}")))
                .containsExactly("unexpected field `name` for type `Set` at `$[\"\"].entityTypes.A.shape.attributes.x.name`");
        assertThat(jsonMessages(attribute("{\"type\": \"Foo\", \"name\": \"x\"}")))
                .containsExactly("unexpected field `name` for a common type reference at `$[\"\"].entityTypes.A.shape.attributes.x.name`");
        // `required` belongs to attributes only
        assertThat(jsonMessages(attribute("{\"type\": \"Set\", \"element\": {\"type\": \"Long\", \"required\": true}}")))
                .containsExactly("unknown field `required` at `$[\"\"].entityTypes.A.shape.attributes.x.element.required`");
        assertThat(jsonMessages(json("", "\"commonTypes\": {\"C\": {\"type\": \"Long\", \"required\": false}}, "
                + "\"entityTypes\": {}, \"actions\": {}")))
                .containsExactly("unknown field `required` at `$[\"\"].commonTypes.C.required`");
    }

    @Test
    void readWhenRequiredFieldIsMissingThenError() {
        assertThat(jsonMessages(json("N", "\"actions\": {}"))).containsExactly("missing field `entityTypes` at `$.N`");
        assertThat(jsonMessages(json("N", "\"entityTypes\": {}"))).containsExactly("missing field `actions` at `$.N`");
        assertThat(jsonMessages(attribute("{\"type\": \"Set\"}")))
                .containsExactly("missing field `element` at `$[\"\"].entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(attribute("{\"type\": \"Record\"}")))
                .containsExactly("missing field `attributes` at `$[\"\"].entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(attribute("{\"type\": \"Entity\"}")))
                .containsExactly("missing field `name` at `$[\"\"].entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(attribute("{\"required\": false}")))
                .containsExactly("missing field `type` at `$[\"\"].entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {\"a\": {\"appliesTo\": {\"principalTypes\": []}}}")))
                .containsExactly("missing field `resourceTypes` at `$[\"\"].actions.a.appliesTo`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {\"a\": {\"memberOf\": [{\"type\": \"Action\"}]}}")))
                .containsExactly("missing field `id` at `$[\"\"].actions.a.memberOf[0]`");
    }

    @Test
    void readWhenKeyIsDuplicatedThenError() {
        List<ParseError> errors = jsonErrors("{\"\": {\"entityTypes\": {\"A\": {}, \"A\": {}}, \"actions\": {}}}");
        assertThat(errors).extracting(ParseError::message).containsExactly("duplicate key `A`");
        assertThat(errors.get(0).span().start()).isEqualTo(31);
    }

    @Test
    void readWhenValueHasTheWrongJsonTypeThenError() {
        assertThat(jsonMessages("[]")).containsExactly(
                "expected a JSON object mapping namespace names to namespace definitions, found an array at `$`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"memberOfTypes\": \"B\"}}, \"actions\": {}")))
                .containsExactly("expected an array of strings, found a string at `$[\"\"].entityTypes.A.memberOfTypes`");
        assertThat(jsonMessages(attribute("{\"type\": \"Long\", \"required\": \"no\"}")))
                .containsExactly("expected a boolean, found a string at `$[\"\"].entityTypes.A.shape.attributes.x.required`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {}, \"annotations\": {\"a\": 1}")))
                .containsExactly("expected a string, found a number at `$[\"\"].annotations.a`");
    }

    @Test
    void readWhenNullIsWhereTheReferenceTakesNoNullThenError() {
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"shape\": null}}, \"actions\": {}")))
                .containsExactly("expected a type `{\"type\": ...}`, found null at `$[\"\"].entityTypes.A.shape`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"enum\": null}}, \"actions\": {}")))
                .containsExactly("expected an array of strings, found null at `$[\"\"].entityTypes.A.enum`");
        assertThat(jsonMessages(json("", "\"commonTypes\": null, \"entityTypes\": {}, \"actions\": {}")))
                .containsExactly("expected an object of common types, found null at `$[\"\"].commonTypes`");
    }

    @Test
    void readWhenEnumeratedEntityTypeHasOtherFieldsOrNoValuesThenError() {
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"enum\": [\"a\"], \"memberOfTypes\": [], \"tags\": {\"type\": \"Long\"}}}, \"actions\": {}")))
                .containsExactly("an enumerated entity type cannot have `memberOfTypes`, `tags` at `$[\"\"].entityTypes.A`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"A\": {\"enum\": []}}, \"actions\": {}")))
                .containsExactly("the list of entity ids of an enumerated entity type is empty at `$[\"\"].entityTypes.A.enum`");
    }

    @Test
    void readWhenActionHasAttributesThenUnsupported() {
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {\"a\": {\"attributes\": {}}}")))
                .containsExactly("action attributes are not supported at `$[\"\"].actions.a.attributes`");
    }

    @Test
    void readWhenEmptyNamespaceHasAnnotationsThenError() {
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {}, \"annotations\": {\"a\": \"b\"}")))
                .containsExactly("annotations are not allowed on the empty namespace at `$[\"\"].annotations`");
    }

    @Test
    void readWhenNamesAreInvalidThenError() {
        assertThat(jsonMessages(json("A B", "\"entityTypes\": {}, \"actions\": {}")))
                .containsExactly("invalid namespace name `A B` at `$[\"A B\"]`");
        assertThat(jsonMessages(json("__cedar::A", "\"entityTypes\": {}, \"actions\": {}")))
                .containsExactly("`__cedar::A` uses the reserved `__cedar` namespace at `$[\"__cedar::A\"]`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {\"if\": {}}, \"actions\": {}")))
                .containsExactly("invalid entity type name `if` at `$[\"\"].entityTypes.if`");
        assertThat(jsonMessages(json("", "\"commonTypes\": {\"Record\": {\"type\": \"Long\"}}, \"entityTypes\": {}, \"actions\": {}")))
                .containsExactly("`Record` is a reserved schema keyword and cannot be a common type name at `$[\"\"].commonTypes.Record`");
        assertThat(jsonMessages(attribute("{\"type\": \"Entity\", \"name\": \"A :: B\"}")))
                .containsExactly("invalid type name `A :: B` at `$[\"\"].entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(json("", "\"entityTypes\": {}, \"actions\": {}, \"annotations\": {\"not an id\": \"b\"}")))
                .contains("invalid annotation name `not an id` at `$[\"\"].annotations[\"not an id\"]`");
    }

    @Test
    void readWhenNamespaceLevelIsMissingThenHelpSaysSo() {
        List<ParseError> errors = jsonErrors("{\"entityTypes\": {\"User\": {}}, \"actions\": {}}");
        assertThat(errors.get(0).message()).isEqualTo("`entityTypes` is not a namespace definition at `$.entityTypes`");
        assertThat(errors.get(0).help()).contains("{\"\": {\"entityTypes\"");
    }

    @Test
    void readWhenJsonIsMalformedThenError() {
        assertThat(jsonMessages("{\"\": {")).singleElement().asString().startsWith("invalid JSON: ");
        assertThat(jsonMessages("")).containsExactly("expected a JSON value, found nothing");
        assertThat(jsonMessages("{} {}")).containsExactly("unexpected content after the JSON value");
    }
}
